using System.Globalization;
using QualityGate.NoChange;

// How often the gate fails when nothing changed, and how often it catches a real regression.
//   QualityGate.NoChange synthetic [RUNS] [NEGATIVES]   precomputed scores: retrain churn, and +2 points of FPR
//   QualityGate.NoChange spambase SAMPLE_DIR [RUNS]      real FastTree retrains on bootstrap resamples of the sample's training data
var mode = args.ElementAtOrDefault(0) ?? "synthetic";
if (mode == "synthetic")
{
    var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
    var negatives = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000;

    // About 35% of examples are positive, so this many rows hold the negatives asked for.
    var rows = (int)(negatives / 0.65);
    Console.WriteLine($"retrain churn: {new SyntheticWorld(1, rows, 0).FlipShare(0.5):P2} of held-out decisions flip between two same-quality retrains");
    Console.WriteLine(SyntheticStudy.Run($"no change, {negatives:N0} negatives", runs, rows, rows / 2, fprPoints: 0));
    Console.WriteLine(SyntheticStudy.Run($"+2 points of FPR, {negatives:N0} negatives", Math.Max(10, runs / 2), rows, rows / 2, fprPoints: 0.02, firstSeed: 10_001));
}
else if (mode == "spambase")
{
    var sample = args.ElementAtOrDefault(1) ?? throw new ArgumentException("Name the sample folder (samples/spam).");
    var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
    foreach (var line in SpambaseStudy.Run(sample, runs))
    {
        Console.WriteLine(line);
    }
}
else
{
    Console.Error.WriteLine($"Unknown mode '{mode}': use 'synthetic' or 'spambase'.");
    return 2;
}

return 0;
