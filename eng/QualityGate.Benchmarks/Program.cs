using BenchmarkDotNet.Running;

// dotnet run -c Release --project eng/QualityGate.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(QualityGate.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
