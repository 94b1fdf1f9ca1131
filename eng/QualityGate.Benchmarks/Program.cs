using BenchmarkDotNet.Running;

// dotnet run -c Release --project eng/QualityGate.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project eng/QualityGate.Benchmarks -- --filter "*TreeScoring*" --job medium   # tree walks against bit masks
// dotnet run -c Release --project eng/QualityGate.Benchmarks -- --filter "*NearestRows*" --job short   # choosing the region's rows as they come
// dotnet run -c Release --project eng/QualityGate.Benchmarks -- --filter "*NumberParsing*" --job short --envVars DOTNET_TieredPGO:0   # numbers as qgate parses them (PGO off)
// dotnet run -c Release --project eng/QualityGate.Benchmarks -- binned-bootstrap [RUNS] [ROWS]
// dotnet run -c Release --project eng/QualityGate.Benchmarks -- to-parquet IN.csv OUT.parquet
if (args is ["binned-bootstrap", ..])
{
    QualityGate.Benchmarks.BinnedBootstrapStudy.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 40_000);
    return;
}

if (args is ["to-parquet", var csv, var parquet])
{
    QualityGate.Benchmarks.ParquetCopy.Write(csv, parquet);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(QualityGate.Benchmarks.EvaluationBenchmarks).Assembly).Run(args);
