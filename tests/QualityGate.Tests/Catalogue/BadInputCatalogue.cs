using System.IO.Compression;
using System.Text;
using QualityGate.Errors;

namespace QualityGate.Tests.Catalogue;

/// <summary>The catalogue: every way we know to hand qgate a bad input, each with what the user must be told.</summary>
internal static class BadInputCatalogue
{
    private const int Config = ExitCodes.UsageOrConfiguration;
    private const int Data = ExitCodes.ModelOrData;
    private const string Heldout = "data/heldout.csv";
    private const string Suite = "quality/hard-negatives.csv";
    private const string Baseline = "quality/baseline.json";

    public static IEnumerable<BadInput> All() =>
    [
        // YAML syntax
        new("yaml: unclosed brace", (s, _) => Edit.Config(s, "region: { quantile: 0.05 }", "region: { quantile: 0.05"), Config, "qualitygate.yml(", "YAML syntax error"),
        new("yaml: tab indentation", (s, _) => Edit.Config(s, "    recall: { min: 0.90 }", "\trecall: { min: 0.90 }"), Config, "qualitygate.yml(", "YAML syntax error"),
        new("yaml: duplicate key", (s, _) => Edit.Config(s, "threshold: 0.5\n", "threshold: 0.5\nthreshold: 0.6\n"), Config, "qualitygate.yml(", "YAML syntax error"),
        new("yaml: unterminated string", (s, _) => Edit.Config(s, "  heldout: data/heldout.csv", "  heldout: \"data/heldout.csv"), Config, "qualitygate.yml(", "YAML syntax error"),
        new("yaml: empty file", (s, _) => Edit.Text(s, "qualitygate.yml", ""), Config, "qualitygate.yml(1,1)", "empty"),
        new("yaml: a list, not a mapping", (s, _) => Edit.Text(s, "qualitygate.yml", "- version: 1\n"), Config, "qualitygate.yml(1,1)", "not a mapping"),
        new("yaml: a type tag", (s, _) => Edit.Config(s, "threshold: 0.5", "threshold: !!python/object:os.system 0.5"), Config, "qualitygate.yml(18,12)", "tags"),

        // Unknown keys, with suggestions
        new("unknown key: top level", (s, _) => Edit.Config(s, "threshold: 0.5", "treshold: 0.5"), Config, "qualitygate.yml(18,1)", "Did you mean 'threshold'?"),
        new("unknown key: model", (s, _) => Edit.Config(s, "  path: model/spam.zip", "  pth: model/spam.zip"), Config, "qualitygate.yml(4,3)", "Did you mean 'path'?"),
        new("unknown key: limit", (s, _) => Edit.Config(s, "recall: { min: 0.90 }", "recall: { minimum: 0.90 }"), Config, "qualitygate.yml(29,15)", "Did you mean 'min'?"),
        new("unknown key: mining", (s, _) => Edit.Config(s, "  max_new: 100", "  maxnew: 100"), Config, "qualitygate.yml(38,3)", "Did you mean 'max_new'?"),
        new("unknown metric", (s, _) => Edit.Config(s, "    region.fpr: { max: 0.25 }", "    region.fp: { max: 0.25 }"), Config, "qualitygate.yml(34,5)", "Did you mean 'region.fpr'?"),
        new("unknown data set", (s, _) => Edit.Config(s, "limits:\n  heldout:", "limits:\n  holdout:"), Config, "qualitygate.yml(25,3)", "Did you mean 'heldout'?"),
        new("unknown regression metric", (s, _) => Edit.Config(s, "heldout.fpr: { max_increase: 0.01 }", "heldout.fpx: { max_increase: 0.01 }"), Config, "qualitygate.yml(45,5)", "Did you mean 'heldout.fpr'?"),
        new("unknown evidence", (s, _) => Edit.Config(s, "evidence: significant", "evidence: signifcant"), Config, "qualitygate.yml(22,11)", "Did you mean 'significant'?"),
        new("unknown interval method", (s, _) => Edit.Config(s, "confidence: 0.95", "confidence: 0.95\ninterval: clopper"), Config, "qualitygate.yml(24,11)", "clopper_pearson"),
        new("unknown report format", (s, _) => Edit.Config(s, "formats: [json, junit, markdown, html]", "formats: [json, pdf]"), Config, "qualitygate.yml(55,12)", "Unknown report format 'pdf'"),

        // Wrong types
        new("wrong type: threshold", (s, _) => Edit.Config(s, "threshold: 0.5", "threshold: high"), Config, "qualitygate.yml(18,12)", "'threshold' must be a number"),
        new("wrong type: region", (s, _) => Edit.Config(s, "region: { quantile: 0.05 }", "region: 0.05"), Config, "qualitygate.yml(20,9)", "'region' must be a mapping"),
        new("wrong type: limit", (s, _) => Edit.Config(s, "recall: { min: 0.90 }", "recall: 0.90"), Config, "qualitygate.yml(29,13)", "must be a mapping"),
        new("wrong type: min_count", (s, _) => Edit.Config(s, "confidence: 0.95", "confidence: 0.95\nmin_count: many"), Config, "qualitygate.yml(24,12)", "whole number"),
        new("wrong type: feedback", (s, _) => Edit.Config(s, "feedback: [data/feedback.csv]", "feedback: { file: data/feedback.csv }"), Config, "qualitygate.yml(14,13)", "a list of data files"),
        new("wrong type: max_new", (s, _) => Edit.Config(s, "max_new: 100", "max_new: 1.5"), Config, "qualitygate.yml(38,12)", "whole number"),
        new("wrong type: positives", (s, _) => Edit.Config(s, "  max_size: 1000", "  max_size: 1000\n  positives: maybe"), Config, "qualitygate.yml(40,14)", "true or false"),

        // Impossible values and conflicting options
        new("negative region width", (s, _) => Edit.Config(s, "region: { quantile: 0.05 }", "region: { width: -0.1 }"), Config, "qualitygate.yml(20,18)", "greater than 0"),
        new("region quantile over 0.5", (s, _) => Edit.Config(s, "region: { quantile: 0.05 }", "region: { quantile: 0.7 }"), Config, "qualitygate.yml(20,21)", "(0, 0.5]"),
        new("region with width and quantile", (s, _) => Edit.Config(s, "region: { quantile: 0.05 }", "region: { quantile: 0.05, width: 0.1 }"), Config, "qualitygate.yml(20,9)", "exactly one"),
        new("threshold outside [0, 1] for probabilities", (s, _) => Edit.Config(s, "threshold: 0.5", "threshold: 1.5"), Config, "qualitygate.yml(18,12)", "probabilities in [0, 1]", ["check", "--report-dir", "out"]),
        new("threshold target out of range", (s, _) => Edit.Config(s, "threshold: 0.5", "threshold: { at_fpr: 0 }"), Config, "qualitygate.yml(18,22)", "between 0 and 1"),
        new("two threshold targets", (s, _) => Edit.Config(s, "threshold: 0.5", "threshold: { at_fpr: 0.01, at_recall: 0.9 }"), Config, "qualitygate.yml(18,12)", "exactly one target"),
        new("limit on the metric the target fixes", (s, _) => Edit.Config(s, "threshold: 0.5", "threshold: { at_recall: 0.9 }"), Config, "qualitygate.yml(29,5)", "cannot fail"),
        new("confidence above 1", (s, _) => Edit.Config(s, "confidence: 0.95", "confidence: 1.5"), Config, "qualitygate.yml(23,13)", "between 0.5 and 1"),
        new("rate limit above 1", (s, _) => Edit.Config(s, "fpr: { max: 0.04, evidence: demonstrated }", "fpr: { max: 4, evidence: demonstrated }"), Config, "qualitygate.yml(28,17)", "rate between 0 and 1"),
        new("min above max", (s, _) => Edit.Config(s, "recall: { min: 0.90 }", "recall: { min: 0.90, max: 0.5 }"), Config, "qualitygate.yml(29,13)", "no value can pass"),
        new("limit without min or max", (s, _) => Edit.Config(s, "recall: { min: 0.90 }", "recall: { evidence: point }"), Config, "qualitygate.yml(29,13)", "needs 'min' or 'max'"),
        new("unsupported version", (s, _) => Edit.Config(s, "version: 1", "version: 2"), Config, "qualitygate.yml(2,10)", "not supported"),
        new("missing version", (s, _) => Edit.Config(s, "version: 1\n", ""), Config, "qualitygate.yml(2,1)", "'version' is required"),
        new("label value both positive and negative", (s, _) => Edit.Config(s, "negative: [\"0\"]", "negative: [\"0\", \"1\"]"), Config, "qualitygate.yml(8,", "both positive and negative"),
        new("explain: zero shuffles", (s, _) => Edit.Config(s, "formats: [json, junit, markdown, html]", "formats: [json, junit, markdown, html]\nexplain: { repeats: 0 }"), Config, "qualitygate.yml(56,21)", "'explain.repeats' must be at least 1", ["explain"]),
        new("unknown key: explain", (s, _) => Edit.Config(s, "formats: [json, junit, markdown, html]", "formats: [json, junit, markdown, html]\nexplain: { samples: 500 }"), Config, "qualitygate.yml(56,12)", "Did you mean 'sample'?", ["explain"]),
        new("slices: a column the data lacks", (s, _) => Edit.Config(s, "formats: [json, junit, markdown, html]", "formats: [json, junit, markdown, html]\nslices: { columns: [provider] }"), Data, "qualitygate.yml(56,21)", "The slice column 'provider' is not in the header"),
        new("slices: no columns", (s, _) => Edit.Config(s, "formats: [json, junit, markdown, html]", "formats: [json, junit, markdown, html]\nslices: { min_size: 10 }"), Config, "qualitygate.yml(56,9)", "'slices.columns' is required"),
        new("slices: a value in two groups", (s, _) => Edit.Config(s, "formats: [json, junit, markdown, html]", "formats: [json, junit, markdown, html]\nslices: { columns: [{ column: Label, groups: { a: [\"1\"], b: [\"1\"] } }] }"), Config, "qualitygate.yml(56,", "is in two groups"),
        new("slices: a column of numbers", (s, _) => Edit.Config(s, "formats: [json, junit, markdown, html]", "formats: [json, junit, markdown, html]\nslices: { columns: [capitalAve] }"), Data, "qualitygate.yml(56,21)", "distinct values"),
        new("negative mining margin", (s, _) => Edit.Config(s, "margin: 0.1 ", "margin: -0.1 "), Config, "qualitygate.yml(37,11)", "0 or more"),
        new("regression check without a data set", (s, _) => Edit.Config(s, "heldout.fpr: { max_increase: 0.01 }", "fpr: { max_increase: 0.01 }"), Config, "qualitygate.yml(45,5)", "must start with a data set"),
        new("count check with an increase", (s, _) => Edit.Config(s, "suite.pinned_regressed: { max: 0 }", "suite.pinned_regressed: { max_increase: 0 }"), Config, "qualitygate.yml(52,29)", "count of examples"),
        new("suite: a blessed item relabelled by hand", (s, _) => Edit.Field(s, Suite, 2, 0, "1"), Data, "quality/hard-negatives.csv(1)", "changed label or score since the baseline was blessed"),
        new("suite: a blessed item's mining score edited", (s, _) => Edit.Field(s, Suite, 2, 60, "0.01"), Data, "quality/hard-negatives.csv(1)", "changed label or score since the baseline was blessed"),
        new("suite: an unknown status", (s, _) => Edit.Field(s, Suite, 2, 59, "pined"), Data, "quality/hard-negatives.csv(2)", "use active, pinned, quarantined or rejected"),
        // Hostile YAML: bounded, never expanded, never a crash
        new("yaml: an alias bomb of nine levels", (s, _) => Edit.Config(s, "reports:\n", Edit.AliasBomb(9) + "reports:\n"), Config, "qualitygate.yml(53,1)", "Unknown key 'bomb0'"),
        new("yaml: more aliases than the bound", (s, _) => Edit.Config(s, "reports:\n", Edit.AliasBomb(12) + "reports:\n"), Config, "qualitygate.yml(", "More than 100 YAML aliases"),
        new("yaml: 100,000 nested brackets", (s, _) => Edit.Text(s, "qualitygate.yml", new string('[', 100_000)), Config, "qualitygate.yml(1,65)", "nests deeper than 64 levels"),
        new("yaml: a list as a key", (s, _) => Edit.Config(s, "version: 1\n", "version: 1\n? [a, b]: 1\n"), Config, "qualitygate.yml(3,3)", "configuration keys are plain words"),
        new("yaml: a mapping as a limit's key", (s, _) => Edit.Config(s, "limits:\n  heldout:\n", "limits:\n  heldout:\n    { a: 1 }: { min: 0.9 }\n"), Config, "qualitygate.yml(26,5)", "A key here is a mapping"),
        new("yaml: a second document", (s, _) => Edit.Config(s, "  formats: [json, junit, markdown, html]\n", "  formats: [json, junit, markdown, html]\n---\nversion: 2\n"), Config, "qualitygate.yml(56,1)", "A second YAML document"),
        new("yaml: a value past the length bound", (s, _) => Edit.Config(s, "  heldout: data/heldout.csv", $"  heldout: {new string('a', 20_000)}"), Config, "qualitygate.yml(10,12)", "configuration values are at most 10,000"),
        new("yaml: a NUL in a path", (s, _) => Edit.Config(s, "  heldout: data/heldout.csv", "  heldout: \"data/held\\0out.csv\""), Config, "qualitygate.yml(10,12)", "control character U+0000"),
        new("yaml: an escape sequence in a value", (s, _) => Edit.Config(s, "  heldout: data/heldout.csv", "  heldout: \"data/\\e[2Jheldout.csv\""), Config, "qualitygate.yml(10,12)", "control character U+001B"),
        new("model.inputs as one name", (s, _) => Edit.Config(s, "  inputs:\n    Features: make..capitalTotal", "  inputs: Features"), Config, "qualitygate.yml(6,11)", "'model.inputs' must be a mapping"),
        new("model.inputs as a list", (s, _) => Edit.Config(s, "  inputs:\n    Features: make..capitalTotal", "  inputs: [make, address]"), Config, "qualitygate.yml(6,11)", "'model.inputs' must be a mapping"),
        new("log_loss limit nothing can pass", (s, _) => Edit.Config(s, "log_loss: { max: 0.20 }", "log_loss: { max: -1 }"), Config, "qualitygate.yml(32,22)", "never negative: no value can pass"),

        new("yaml: a key left empty (found by fuzzing)", (s, _) => Edit.Config(s, "    Features: make..capitalTotal", "   : data/heldout.csv"), Config, "qualitygate.yml(", "a mapping here cannot be read"),

        // Only regular files are inputs
        new("held-out data is a FIFO", (s, _) => { Edit.Fifo(s, "data/pipe.csv"); Edit.Config(s, "heldout: data/heldout.csv", "heldout: data/pipe.csv"); }, Data, "qualitygate.yml(10,12)", "is a FIFO (named pipe), not a regular file"),
        new("held-out data is /dev/zero", (s, _) => Edit.Config(s, "heldout: data/heldout.csv", "heldout: /dev/zero"), Data, "qualitygate.yml(10,12)", "is a character device, not a regular file"),
        new("the suite is /dev/zero", (s, _) => Edit.Config(s, "suite: quality/hard-negatives.csv", "suite: /dev/zero"), Data, "qualitygate.yml(12,10)", "is a character device, not a regular file"),
        new("the model is a FIFO", (s, _) => { Edit.Fifo(s, "model/pipe.zip"); Edit.Config(s, "path: model/spam.zip", "path: model/pipe.zip"); }, Data, "qualitygate.yml(4,9)", "is a FIFO (named pipe), not a regular file"),
        new("the suite is a folder", (s, _) => Edit.Config(s, "suite: quality/hard-negatives.csv", "suite: quality"), Data, "qualitygate.yml(12,10)", "is a folder, not a file"),
        new("the suite is a symbolic link loop", (s, _) => { File.CreateSymbolicLink(Path.Combine(s.Root, "loop-a"), "loop-b"); File.CreateSymbolicLink(Path.Combine(s.Root, "loop-b"), "loop-a"); Edit.Config(s, "suite: quality/hard-negatives.csv", "suite: loop-a"); }, Data, "qualitygate.yml(12,10)", "cannot be followed"),
        new("the baseline is a FIFO", (s, _) => Edit.Fifo(s, "quality/baseline.json"), Data, "qualitygate.yml(42,", "is a FIFO (named pipe), not a regular file"),

        // export-training never replaces what the config reads
        new("export-training onto the held-out data", (s, _) => { }, Config, "qualitygate.yml(10,12)", "is the held-out data, which the config reads", ["export-training", "-o", "data/heldout.csv"]),
        new("export-training onto the suite, with --force", (s, _) => { }, Config, "qualitygate.yml(12,10)", "is the suite, which the config reads", ["export-training", "-o", "quality/hard-negatives.csv", "--force"]),
        // Baselines no bless could write
        new("baseline: region low above its high", (s, _) => Edit.Replace(s, Baseline, "\"low\": 0.11493425071239471", "\"low\": 0.99"), Data, "quality/baseline.json(17)", "are impossible: a region holds its threshold"),
        new("baseline: threshold 7.5 on probabilities", (s, _) => { Edit.Replace(s, Baseline, "\"value\": 0.5,", "\"value\": 7.5,"); Edit.Replace(s, Baseline, "\"low\": 0.11493425071239471", "\"low\": 7"); Edit.Replace(s, Baseline, "\"high\": 0.9475989937782288", "\"high\": 8"); }, Data, "qualitygate.yml(42,", "holds probabilities in [0, 1]"),
        new("baseline: null among its ids", (s, _) => Edit.Replace(s, Baseline, "\"falsePositives\": [\n      \"32086a8d0e6a0c8f1ae598e8f6c153ba\"", "\"falsePositives\": [\n      null"), Data, "quality/baseline.json(197)", "'falsePositives' holds null where an example id belongs"),
        new("baseline: markup as an id", (s, _) => Edit.Replace(s, Baseline, "\"32086a8d0e6a0c8f1ae598e8f6c153ba\"", "\"<script>alert(1)</script>\""), Data, "quality/baseline.json(197)", "which no run writes (ids are 32 hex digits)"),
        new("baseline: a model hash that is no SHA-256", (s, _) => Edit.Replace(s, Baseline, "1b68cc5f81895361f07f4beee23e0c2c5a0335bd3e0c3aaa92045422c3a2253d", "not-a-hash"), Data, "quality/baseline.json(4)", "is no SHA-256"),
        new("baseline_model is not the blessed model", (s, _) => Edit.Config(s, "  baseline: quality/baseline.json", "  baseline: quality/baseline.json\n  baseline_model: model/spam-weak.zip"), Data, "qualitygate.yml(42,", "is not the model the baseline was blessed with"),
        new("bootstrap samples past the bound", (s, _) => Edit.Config(s, "confidence: 0.95", "confidence: 0.95\nbootstrap: { samples: 2000000000 }"), Config, "qualitygate.yml(24,23)", "between 100 and 100,000"),
        new("model kind spelt as the enum", (s, _) => Edit.Config(s, "  path: model/spam.zip", "  path: model/spam.zip\n  kind: ml_net"), Config, "qualitygate.yml(5,9)", "Did you mean 'mlnet'?"),
        new("unknown multiplicity", (s, _) => Edit.Config(s, "confidence: 0.95", "confidence: 0.95\nmultiplicity: bonferroni"), Config, "qualitygate.yml(24,15)", "'multiplicity' cannot be 'bonferroni'"),
        new("suite limit without a suite", (s, _) => Edit.Config(s, "  suite: quality/hard-negatives.csv\n", ""), Config, "qualitygate.yml(", "needs a suite file"),

        // Missing files, folders where files belong, encodings
        new("held-out file missing", (s, _) => File.Delete(Path.Combine(s.Root, Heldout)), Data, "qualitygate.yml(10,12)", "does not exist"),
        new("held-out path is a folder", (s, _) => Edit.Folder(s, Heldout), Data, "qualitygate.yml(10,12)", "is a folder"),
        new("feedback file missing", (s, _) => File.Delete(Path.Combine(s.Root, "data/feedback.csv")), Data, "qualitygate.yml(14,14)", "does not exist", ["mine"]),
        new("model file missing", (s, _) => File.Delete(Path.Combine(s.Root, "model/spam.zip")), Data, "qualitygate.yml(4,9)", "does not exist"),
        new("model path is a folder", (s, _) => Edit.Folder(s, "model/spam.zip"), Data, "qualitygate.yml(4,9)", "does not exist"),
        new("held-out file in UTF-16", (s, _) => Edit.Bytes(s, Heldout, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(File.ReadAllText(Path.Combine(s.Root, Heldout)))).ToArray()), Data, "data/heldout.csv(1)", "not UTF-8"),
        new("held-out file in UTF-16 without a byte order mark", (s, _) => Edit.Bytes(s, Heldout, Encoding.Unicode.GetBytes(File.ReadAllText(Path.Combine(s.Root, Heldout)))), Data, "data/heldout.csv(1)", "not UTF-8"),

        // Data
        new("empty data file", (s, _) => Edit.Text(s, Heldout, ""), Data, "data/heldout.csv(1)", "is empty"),
        new("header only", (s, _) => Edit.Text(s, Heldout, File.ReadLines(Path.Combine(s.Root, Heldout)).First() + "\n"), Data, "data/heldout.csv(1)", "no rows"),
        new("label column missing", (s, _) => Edit.Field(s, Heldout, 1, 0, "Class"), Data, "data/heldout.csv(1)", "'Label' is not in the header"),
        new("model input column missing", (s, _) => Edit.Field(s, Heldout, 1, 1, "mak"), Data, "qualitygate.yml(7,15)", "'make' is not in the header"),
        new("duplicate header column", (s, _) => Edit.Field(s, Heldout, 1, 2, "make"), Data, "data/heldout.csv(1)", "twice"),
        new("unknown label value", (s, _) => Edit.Field(s, Heldout, 8, 0, "2"), Data, "data/heldout.csv(8)", "label '2'"),
        new("label column with one class", (s, _) => Edit.Text(s, Heldout, string.Join('\n', File.ReadLines(Path.Combine(s.Root, Heldout)).Where((l, i) => i == 0 || l.StartsWith('0'))) + "\n"), Data, "data/heldout.csv(1)", "only negative"),
        new("row with too few fields", (s, _) => Edit.Line(s, Heldout, 8, l => l[..l.LastIndexOf(',')]), Data, "data/heldout.csv(8)", "has 57 fields; the header has 58"),
        new("row with too many fields", (s, _) => Edit.Line(s, Heldout, 9, l => l + ",1.0"), Data, "data/heldout.csv(9)", "has 59 fields"),
        new("NaN in a feature", (s, _) => Edit.Field(s, Heldout, 8, 5, "NaN"), Data, "data/heldout.csv(8,6)", "'NaN', not a finite number"),
        new("infinity in a feature", (s, _) => Edit.Field(s, Heldout, 12, 3, "Infinity"), Data, "data/heldout.csv(12,4)", "not a finite number"),
        new("text in a numeric column", (s, _) => Edit.Field(s, Heldout, 8, 10, "abc"), Data, "data/heldout.csv(8,11)", "'abc', which is not a number"),
        new("empty numeric field", (s, _) => Edit.Field(s, Heldout, 8, 10, ""), Data, "data/heldout.csv(8,11)", "is empty"),
        new("quoted separator in a numeric field", (s, _) => Edit.Line(s, Heldout, 8, l => { var f = l.Split(','); f[10] = "\"1,5\""; return string.Join(',', f); }), Data, "data/heldout.csv(8,11)", "'1,5', which is not a number"),
        new("quoted line break in a numeric field", (s, _) => Edit.Line(s, Heldout, 8, l => { var f = l.Split(','); f[10] = "\"1\n5\""; return string.Join(',', f); }), Data, "data/heldout.csv(8,11)", "which is not a number"),

        // Models
        new("corrupt model zip", (s, _) => Edit.Bytes(s, "model/spam.zip", Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a zip")), Data, "qualitygate.yml(4,9)", "not a readable ML.NET model"),
        new("truncated model zip", (s, _) => Edit.Bytes(s, "model/spam.zip", File.ReadAllBytes(Path.Combine(s.Root, "model/spam.zip"))[..20000]), Data, "qualitygate.yml(4,9)", "not a readable ML.NET model"),
        new("zip that is no ML.NET model", (s, _) => WriteZip(Path.Combine(s.Root, "model/spam.zip"), "readme.txt", "hello"), Data, "qualitygate.yml(4,9)", "not a readable ML.NET model"),
        new("multiclass model", (s, m) => File.Copy(m.Multiclass, Path.Combine(s.Root, "model/spam.zip"), overwrite: true), Data, "qualitygate.yml(4,9)", "MulticlassClassification model, not a binary classifier"),
        new("regression model", (s, m) => File.Copy(m.Regression, Path.Combine(s.Root, "model/spam.zip"), overwrite: true), Data, "qualitygate.yml(4,9)", "Regression model, not a binary classifier"),
        new("input mapping of the wrong size", (s, _) => Edit.Config(s, "Features: make..capitalTotal", "Features: make..capitalLong"), Data, "qualitygate.yml(7,15)", "vector of 57 values"),
        new("input schema that the data cannot fill", (s, _) => Edit.Config(s, "  inputs:\n    Features: make..capitalTotal\n", ""), Data, "qualitygate.yml(4,9)", "Features (a vector of 57 Single)"),

        // The suite, edited by hand
        new("suite with a duplicate id", (s, _) => Edit.Text(s, Suite, string.Join('\n', File.ReadLines(Path.Combine(s.Root, Suite)).Take(3).Append(File.ReadLines(Path.Combine(s.Root, Suite)).ElementAt(2))) + "\n"), Data, "quality/hard-negatives.csv(4)", "repeats id"),
        new("suite columns no longer match the data", (s, _) => Edit.Field(s, Suite, 1, 3, "three_d"), Data, "quality/hard-negatives.csv(1)", "no longer match"),
        new("suite without its metadata columns", (s, _) => Edit.Line(s, Suite, 1, l => l.Replace(",qg_reason", ",reason", StringComparison.Ordinal)), Data, "quality/hard-negatives.csv(1)", "does not end with the columns"),
        new("suite with an unknown status", (s, _) => Edit.Line(s, Suite, 4, l => l.Replace(",active,", ",maybe,", StringComparison.Ordinal)), Data, "quality/hard-negatives.csv(4)", "status 'maybe'"),
        new("suite with a score that is no number", (s, _) => Edit.Line(s, Suite, 3, l => { var f = l.Split(','); f[^5] = "high"; return string.Join(',', f); }), Data, "quality/hard-negatives.csv(3)", "not a number"),
        new("suite item with edited features", (s, _) => Edit.Field(s, Suite, 3, 1, "9.99"), Data, "quality/hard-negatives.csv(3)", "were edited"),
        new("suite row with a missing field", (s, _) => Edit.Line(s, Suite, 3, l => l[..l.LastIndexOf(',')]), Data, "quality/hard-negatives.csv(3)", "fields; the header has"),

        // The baseline
        new("baseline that is not JSON", (s, _) => Edit.Text(s, "quality/baseline.json", "{ \"schema\": \"qualitygate-baseline\",\n  \"schemaVersion\": 1,\n  oops\n}"), Data, "quality/baseline.json(3)", "not valid JSON"),
        new("baseline of another kind", (s, _) => Edit.Text(s, "quality/baseline.json", "{ \"schema\": \"something-else\", \"schemaVersion\": 1 }"), Data, "quality/baseline.json(1)", "not a version 1 QualityGate baseline"),
        new("baseline with a missing field", (s, _) => Edit.Text(s, "quality/baseline.json", "{ \"schema\": \"qualitygate-baseline\", \"schemaVersion\": 1 }"), Data, "quality/baseline.json(1)", "missing"),
        new("baseline blessed for another config", (s, _) => Edit.Config(s, "threshold: 0.5", "threshold: 0.55"), Data, "qualitygate.yml(42,13)", "other data-defining settings"),
        new("baseline missing", (s, _) => File.Delete(Path.Combine(s.Root, "quality/baseline.json")), Data, "qualitygate.yml(42,13)", "does not exist"),
    ];

    private static void WriteZip(string path, string entry, string content)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
        writer.Write(content);
    }
}
