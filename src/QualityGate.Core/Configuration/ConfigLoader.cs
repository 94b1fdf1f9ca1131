using QualityGate.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace QualityGate.Configuration;

/// <summary>Reads and validates <c>qualitygate.yml</c>. See docs/configuration.md.</summary>
public static class ConfigLoader
{
    public const string DefaultFileName = "qualitygate.yml";

    private static readonly string[] TopLevelKeys =
    [
        "version", "model", "label", "id", "data", "threshold", "region", "evidence", "confidence",
        "interval", "inconclusive", "min_count", "bootstrap", "limits", "reports", "mining", "regression",
        "explain", "slices", "multiplicity",
    ];

    public static GateConfig Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new ConfigurationException(ErrorCodes.ConfigFileMissing, $"The configuration '{path}' is a folder, not a file.", new SourceLocation(path, 0, 0));
        }

        if (!File.Exists(fullPath))
        {
            throw new ConfigurationException(
                ErrorCodes.ConfigFileMissing,
                $"The configuration file '{path}' does not exist.",
                new SourceLocation(path, 0, 0),
                "Pass one with -c, or write a starting one with 'qgate init'.");
        }

        if (Storage.FileKind.NotRegular(fullPath) is { } kind)
        {
            throw new ConfigurationException(ErrorCodes.ConfigFileMissing, $"The configuration '{path}' is {kind}, not a regular file.", new SourceLocation(path, 0, 0), "Pass the path of a qualitygate.yml file.");
        }

        if (new FileInfo(fullPath).Length > YamlGuard.MaxBytes)
        {
            throw new ConfigurationException(ErrorCodes.ConfigFileMissing, $"The configuration '{path}' is {new FileInfo(fullPath).Length:N0} bytes; a configuration is at most {YamlGuard.MaxBytes:N0}.", new SourceLocation(path, 0, 0));
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(ErrorCodes.ConfigFileMissing, $"The configuration file cannot be read: {e.Message}", new SourceLocation(path, 0, 0), inner: e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses configuration text; <paramref name="path"/> names the file in errors and anchors relative paths.</summary>
    public static GateConfig Parse(string text, string path)
    {
        var root = ReadRoot(text, path);
        var map = new YamlMap(root, path, string.Empty, TopLevelKeys);
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;

        var version = map.Integer("version") ?? throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "'version' is required; write 'version: 1'.", map.Location);
        if (version != 1)
        {
            throw map.BadValue(map.Get("version")!, $"Configuration version {version} is not supported by this qgate.", "Use 'version: 1'.");
        }

        var model = ReadModel(map, baseDirectory);
        var label = ReadLabel(map);
        var id = map.String("id");
        var data = ReadData(map, baseDirectory);
        var threshold = ReadThreshold(map);
        var region = ReadRegion(map);
        var statistics = ReadStatistics(map);
        var limits = LimitParser.Read(map, data, threshold);
        var reports = ReadReports(map, baseDirectory);
        var mining = MiningParser.Read(map);
        var regression = RegressionParser.Read(map, baseDirectory, data);
        var explain = ExplainParser.Read(map);
        var slices = SliceParser.Read(map, data, threshold, statistics, regression);
        return new GateConfig(Path.GetFullPath(path), model, label, id, data, threshold, region, statistics, limits, reports, mining, regression, explain, slices);
    }

    private static YamlMappingNode ReadRoot(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            YamlGuard.Check(text, path);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            var cut = reason.IndexOf("): ", StringComparison.Ordinal);
            throw new ConfigurationException(
                ErrorCodes.ConfigSyntax,
                $"YAML syntax error: {(cut >= 0 ? reason[(cut + 3)..] : reason)}",
                new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column),
                inner: e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails this way on some unterminated flow collections (and, found by the
            // fuzzer, on a key left empty before its ':'); find where it stopped.
            throw new ConfigurationException(
                ErrorCodes.ConfigSyntax,
                e is ArgumentException
                    ? "YAML syntax error: a mapping here cannot be read (is a key missing before a ':'?)."
                    : "YAML syntax error: the document ends inside a { } or [ ] that is never closed.",
                LastReadableMark(text, path),
                inner: e);
        }

        RejectTags(stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null, path);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException(ErrorCodes.ConfigSyntax, "The configuration is empty or is not a mapping of keys to values.", new SourceLocation(path, 1, 1), "Start from 'qgate init'.");
        }

        return root;
    }

    private static SourceLocation LastReadableMark(string text, string path)
    {
        var parser = new Parser(new StringReader(text));
        var mark = YamlDotNet.Core.Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                mark = parser.Current!.Start;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // The last mark before the failure is the place to look.
        }

        return new SourceLocation(path, (int)mark.Line, (int)mark.Column);
    }

    /// <summary>
    /// Settings are plain values: a tag (<c>!!python/object</c>, <c>!Type</c>) is refused, never
    /// interpreted. Each node is visited once: an alias is the same node again, so walking the
    /// aliases as a tree would cost ten times more for every level of a ten-alias bomb.
    /// </summary>
    private static void RejectTags(YamlNode? node, string path, HashSet<YamlNode>? visited = null)
    {
        visited ??= new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        if (node is null || !visited.Add(node))
        {
            return;
        }

        if (!node.Tag.IsEmpty)
        {
            throw new ConfigurationException(ErrorCodes.ConfigSyntax, $"YAML tags such as '{node.Tag.Value}' are not allowed in a QualityGate configuration.", new SourceLocation(path, (int)node.Start.Line, (int)node.Start.Column), "Remove the tag and write a plain value.");
        }

        var children = node switch
        {
            YamlMappingNode mapping => mapping.Children.SelectMany(e => new[] { e.Key, e.Value }),
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        foreach (var child in children)
        {
            RejectTags(child, path, visited);
        }
    }

    private static ModelSettings ReadModel(YamlMap root, string baseDirectory)
    {
        var node = root.Required("model");
        var map = root.AsMap(node, "model", "path", "kind", "score_column", "inputs", "positive_class", "assemblies");
        var path = map.String("path");
        var kindNode = map.Get("kind");
        var kind = kindNode is null
            ? path is null ? ModelKind.Scores : ModelSettings.KindOf(path)
            : map.String("kind") switch
            {
                // The documented names; the enum's own would read 'ml_net'.
                "mlnet" => ModelKind.MlNet,
                "onnx" => ModelKind.Onnx,
                "scores" => ModelKind.Scores,
                var other => throw map.BadValue(kindNode, $"'model.kind' cannot be '{other}'.",
                    Suggestions.Closest(other!, ["mlnet", "onnx", "scores"]) is { } close ? $"Did you mean '{close}'?" : "Use one of: mlnet, onnx, scores."),
            };
        if (kind != ModelKind.Scores && path is null)
        {
            throw new ConfigurationException(ErrorCodes.ConfigMissingKey, $"'model.path' is required for {(kind == ModelKind.Onnx ? "an ONNX" : "an ML.NET")} model.", map.Location, "For precomputed scores write 'kind: scores' and 'score_column'.");
        }

        var positiveClass = map.Integer("positive_class") ?? 1;
        if (positiveClass < 0)
        {
            throw map.BadValue(map.Get("positive_class")!, $"'model.positive_class' must be 0 or more, not {positiveClass}.");
        }

        if (kind == ModelKind.Scores && path is not null)
        {
            throw map.BadValue(map.Get("path")!, "'model.path' has no meaning with 'kind: scores': the scores are read from the data files.");
        }

        var inputs = new Dictionary<string, ColumnSelection>(StringComparer.Ordinal);
        if (map.Get("inputs") is { } inputsNode)
        {
            if (inputsNode is not YamlMappingNode inputsMapping)
            {
                throw map.WrongType(inputsNode, "model.inputs", "a mapping of each model input to its CSV columns, for example 'Features: make..capitalTotal'");
            }

            var inputMap = map.AsMap(inputsNode, "model.inputs", inputsMapping.Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? string.Empty).ToArray());
            foreach (var (key, value, keyLocation) in inputMap.Entries)
            {
                inputs[key] = ReadColumnSelection(inputMap, value, $"model.inputs.{key}");
            }
        }

        return new ModelSettings(
            kind,
            path is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, path)),
            map.String("score_column"),
            inputs,
            map.At(map.Get("path") ?? node),
            positiveClass)
        {
            Assemblies = ReadAssemblies(map, baseDirectory),
        };
    }

    /// <summary><c>model.assemblies</c>: the user's own assemblies a model's custom components live in, each with its line.</summary>
    private static IReadOnlyList<DataSource> ReadAssemblies(YamlMap map, string baseDirectory) => map.Get("assemblies") switch
    {
        null => [],
        YamlSequenceNode sequence => [.. sequence.Children.Select(child => new DataSource(Path.GetFullPath(Path.Combine(baseDirectory, map.Scalar(child, "model.assemblies"))), map.At(child)))],
        YamlScalarNode scalar => [new DataSource(Path.GetFullPath(Path.Combine(baseDirectory, map.Scalar(scalar, "model.assemblies"))), map.At(scalar))],
        var other => throw map.WrongType(other, "model.assemblies", "a list of .dll files"),
    };

    /// <summary><c>first..last</c> (a range of header columns, both ends included) or a list of names.</summary>
    private static ColumnSelection ReadColumnSelection(YamlMap map, YamlNode node, string path)
    {
        if (node is YamlSequenceNode sequence)
        {
            var names = sequence.Children.Select(child => map.Scalar(child, path)).ToList();
            return names.Count > 0 ? new ColumnSelection(null, null, names, map.At(node)) : throw map.BadValue(node, $"'{path}' lists no columns.");
        }

        var text = map.Scalar(node, path);
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0
            ? new ColumnSelection(parts[0], parts[1], [], map.At(node))
            : throw map.BadValue(node, $"'{path}' must be a range 'first..last' of header columns or a list of column names.");
    }

    private static LabelSettings ReadLabel(YamlMap root)
    {
        var node = root.Required("label");
        if (node is YamlScalarNode)
        {
            return new LabelSettings(root.Scalar(node, "label"), ["1", "true"], ["0", "false"]);
        }

        var map = root.AsMap(node, "label", "column", "positive", "negative");
        var column = map.String("column") ?? throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "'label.column' is required.", map.Location);
        var positive = map.StringList("positive").Select(v => v.Trim()).ToList();
        var negative = map.StringList("negative").Select(v => v.Trim()).ToList();
        if (positive.Count == 0)
        {
            positive = ["1", "true"];
        }

        if (negative.Count == 0)
        {
            negative = ["0", "false"];
        }

        var both = positive.Intersect(negative, StringComparer.OrdinalIgnoreCase).ToList();
        if (both.Count > 0)
        {
            throw map.BadValue(map.Get("negative") ?? map.Get("positive")!, $"The label value '{both[0]}' is listed as both positive and negative.");
        }

        return new LabelSettings(column, positive, negative);
    }

    private static DataSettings ReadData(YamlMap root, string baseDirectory)
    {
        var map = root.AsMap(root.Required("data"), "data", "heldout", "suite", "separator", "feedback", "suite_scores", "training");
        var heldout = map.String("heldout") ?? throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "'data.heldout' is required: the labelled held-out set to evaluate on.", map.Location);
        var suite = map.String("suite");
        char? separator = null;
        if (map.Get("separator") is { } separatorNode)
        {
            var text = map.Scalar(separatorNode, "data.separator");
            separator = text switch
            {
                "," or "comma" => ',',
                "\t" or "tab" => '\t',
                ";" or "semicolon" => ';',
                _ => throw map.BadValue(separatorNode, $"'data.separator' cannot be '{text}'.", "Use comma, tab or semicolon."),
            };
        }

        return new DataSettings(
            Path.GetFullPath(Path.Combine(baseDirectory, heldout)),
            suite is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, suite)),
            separator,
            map.At(map.Get("heldout")!),
            map.Get("suite") is { } suiteNode ? map.At(suiteNode) : null,
            ReadFeedback(map, baseDirectory),
            Source(map, "suite_scores", baseDirectory),
            Source(map, "training", baseDirectory));
    }

    private static DataSource? Source(YamlMap map, string key, string baseDirectory) =>
        map.Get(key) is { } node ? new DataSource(Path.GetFullPath(Path.Combine(baseDirectory, map.Scalar(node, map.Qualified(key)))), map.At(node)) : null;

    private static List<DataSource> ReadFeedback(YamlMap map, string baseDirectory)
    {
        return map.Get("feedback") switch
        {
            null => [],
            YamlSequenceNode sequence => [.. sequence.Children.Select(child => new DataSource(Path.GetFullPath(Path.Combine(baseDirectory, map.Scalar(child, "data.feedback"))), map.At(child)))],
            YamlScalarNode scalar => [new DataSource(Path.GetFullPath(Path.Combine(baseDirectory, map.Scalar(scalar, "data.feedback"))), map.At(scalar))],
            var other => throw map.WrongType(other, "data.feedback", "a list of data files"),
        };
    }

    private static ThresholdSettings ReadThreshold(YamlMap root)
    {
        var node = root.Required("threshold");
        if (node is YamlScalarNode)
        {
            return ThresholdSettings.Fixed(root.Number(node, "threshold"), root.At(node));
        }

        var map = root.AsMap(node, "threshold", "at_fpr", "at_precision", "at_recall");
        var entries = map.Entries.ToList();
        if (entries.Count != 1)
        {
            throw map.BadValue(node, "'threshold' must be a number or exactly one target: at_fpr, at_precision or at_recall.");
        }

        var (key, value, keyLocation) = entries[0];
        var target = key switch
        {
            "at_fpr" => ThresholdTarget.AtFpr,
            "at_precision" => ThresholdTarget.AtPrecision,
            _ => ThresholdTarget.AtRecall,
        };
        var number = map.Number(value, $"threshold.{key}");
        if (number is <= 0 or >= 1)
        {
            throw map.BadValue(value, $"'threshold.{key}' must be between 0 and 1 (exclusive), not {number}.");
        }

        return ThresholdSettings.ForTarget(target, number, keyLocation);
    }

    private static RegionSettings ReadRegion(YamlMap root)
    {
        var node = root.Required("region");
        var map = root.AsMap(node, "region", "width", "quantile");
        var entries = map.Entries.ToList();
        if (entries.Count != 1)
        {
            throw map.BadValue(node, "'region' must have exactly one of 'width' or 'quantile'.");
        }

        var (key, value, keyLocation) = entries[0];
        var number = map.Number(value, $"region.{key}");
        if (key == "width")
        {
            return number > 0
                ? new RegionSettings(RegionKind.Width, number, keyLocation)
                : throw map.BadValue(value, $"'region.width' must be greater than 0, not {number}.");
        }

        return number is > 0 and <= 0.5
            ? new RegionSettings(RegionKind.Quantile, number, keyLocation)
            : throw map.BadValue(value, $"'region.quantile' must be in (0, 0.5], not {number}: it is the fraction of held-out examples on each side of the threshold.");
    }

    private static StatisticsSettings ReadStatistics(YamlMap root)
    {
        var confidence = root.Number("confidence") ?? 0.95;
        if (confidence is <= 0.5 or >= 1)
        {
            throw root.BadValue(root.Get("confidence")!, $"'confidence' must be between 0.5 and 1 (exclusive), not {confidence}.");
        }

        var minCount = root.Integer("min_count") ?? 30;
        if (minCount < 1)
        {
            throw root.BadValue(root.Get("min_count")!, $"'min_count' must be at least 1, not {minCount}.");
        }

        var samples = 1000;
        var seed = 20240601;
        if (root.Map("bootstrap", "samples", "seed") is { } bootstrap)
        {
            samples = bootstrap.Integer("samples") ?? samples;
            seed = bootstrap.Integer("seed") ?? seed;
            if (samples is < 100 or > MaxBootstrapSamples)
            {
                throw bootstrap.BadValue(bootstrap.Get("samples")!, $"'bootstrap.samples' must be between 100 and {MaxBootstrapSamples:N0}, not {samples}: fewer gives unstable bounds, more only costs time.");
            }
        }

        return new StatisticsSettings(
            root.Enum("evidence", Evidence.Significant),
            confidence,
            root.Enum("interval", IntervalMethod.Wilson),
            root.Enum("inconclusive", InconclusivePolicy.Warn),
            minCount,
            samples,
            seed,
            root.Enum("multiplicity", Multiplicity.Holm));
    }

    /// <summary>Past this, replicates only cost time (each is a pass over the data) and memory.</summary>
    private const int MaxBootstrapSamples = 100_000;

    private static ReportSettings ReadReports(YamlMap root, string baseDirectory)
    {
        var directory = "artifacts/qualitygate";
        IReadOnlyList<ReportFormat> formats = [ReportFormat.Json];
        if (root.Map("reports", "directory", "formats") is { } map)
        {
            directory = map.String("directory") ?? directory;
            if (map.Get("formats") is { } formatsNode)
            {
                var names = map.StringList("formats");
                var known = Enum.GetNames<ReportFormat>().Select(YamlMap.SnakeCase).ToList();
                var unknown = names.FirstOrDefault(n => !known.Contains(n));
                if (unknown is not null)
                {
                    throw map.BadValue(formatsNode, $"Unknown report format '{unknown}'.", $"Available: {string.Join(", ", known)}.");
                }

                formats = names.Select(n => Enum.GetValues<ReportFormat>()[known.IndexOf(n)]).Distinct().ToList();
            }
        }

        return new ReportSettings(Path.GetFullPath(Path.Combine(baseDirectory, directory)), formats);
    }
}
