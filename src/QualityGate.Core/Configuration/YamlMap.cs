using System.Globalization;
using QualityGate.Errors;
using YamlDotNet.RepresentationModel;

namespace QualityGate.Configuration;

/// <summary>
/// Reads one YAML mapping into settings while remembering where every value stood, so each
/// mistake names file, line and column. Only the representation model is used: YAML tags never
/// instantiate types.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly string _path;
    private readonly string[] _allowed;

    public YamlMap(YamlMappingNode node, string file, string path, params string[] allowed)
    {
        _node = node;
        _file = file;
        _path = path;
        _allowed = allowed;
        foreach (var key in node.Children.Keys)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw new ConfigurationException(
                    ErrorCodes.ConfigUnknownKey,
                    $"Unknown key '{Qualified(name)}'.",
                    At(key),
                    Suggestions.DidYouMean(name, allowed));
            }
        }
    }

    public SourceLocation Location => At(_node);

    public IEnumerable<(string Key, YamlNode Value, SourceLocation KeyLocation)> Entries =>
        _node.Children.Select(e => (((YamlScalarNode)e.Key).Value ?? string.Empty, e.Value, At(e.Key)));

    public SourceLocation At(YamlNode node) => new(_file, (int)node.Start.Line, (int)node.Start.Column);

    public string Qualified(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    public YamlNode? Get(string key)
    {
        System.Diagnostics.Debug.Assert(_allowed.Contains(key), $"'{key}' is read but not declared");
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public YamlNode Required(string key) =>
        Get(key) ?? throw new ConfigurationException(
            ErrorCodes.ConfigMissingKey, $"'{Qualified(key)}' is required.", Location);

    public YamlMap? Map(string key, params string[] allowed) =>
        Get(key) is { } node ? AsMap(node, Qualified(key), allowed) : null;

    public YamlMap AsMap(YamlNode node, string path, params string[] allowed) =>
        node is YamlMappingNode mapping
            ? new YamlMap(mapping, _file, path, allowed)
            : throw WrongType(node, path, "a mapping (key: value lines)");

    public string? String(string key) => Get(key) is { } node ? Scalar(node, Qualified(key)) : null;

    public double? Number(string key) => Get(key) is { } node ? Number(node, Qualified(key)) : null;

    /// <summary>A whole number of at least <paramref name="minimum"/>, or <paramref name="fallback"/> when the key is absent.</summary>
    public int IntegerAtLeast(string key, int fallback, int minimum)
    {
        var value = Integer(key) ?? fallback;
        return value >= minimum ? value : throw BadValue(Get(key)!, $"'{Qualified(key)}' must be at least {minimum}, not {value}.");
    }

    public int? Integer(string key)
    {
        if (Get(key) is not { } node)
        {
            return null;
        }

        var text = Scalar(node, Qualified(key));
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw WrongType(node, Qualified(key), "a whole number");
    }

    public double Number(YamlNode node, string path)
    {
        var text = Scalar(node, path);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw WrongType(node, path, "a number");
    }

    public string Scalar(YamlNode node, string path) =>
        node is YamlScalarNode { Value: { } value }
            ? value
            : throw WrongType(node, path, "a single value");

    public IReadOnlyList<string> StringList(string key)
    {
        return Get(key) switch
        {
            null => [],
            YamlSequenceNode sequence => sequence.Children.Select(child => Scalar(child, Qualified(key))).ToList(),
            YamlScalarNode scalar => [Scalar(scalar, Qualified(key))],
            var other => throw WrongType(other, Qualified(key), "a list"),
        };
    }

    public TEnum Enum<TEnum>(string key, TEnum fallback)
        where TEnum : struct, System.Enum
    {
        if (Get(key) is not { } node)
        {
            return fallback;
        }

        var text = Scalar(node, Qualified(key));
        var names = System.Enum.GetNames<TEnum>().Select(SnakeCase).ToList();
        var index = names.IndexOf(text);
        return index >= 0
            ? System.Enum.GetValues<TEnum>()[index]
            : throw new ConfigurationException(
                ErrorCodes.ConfigBadValue,
                $"'{Qualified(key)}' cannot be '{text}'.",
                At(node),
                Suggestions.Closest(text, names) is { } close ? $"Did you mean '{close}'?" : $"Use one of: {string.Join(", ", names)}.");
    }

    public ConfigurationException BadValue(YamlNode node, string message, string? hint = null) =>
        new(ErrorCodes.ConfigBadValue, message, At(node), hint);

    public ConfigurationException WrongType(YamlNode node, string path, string expected) =>
        new(ErrorCodes.ConfigWrongType, $"'{path}' must be {expected}.", At(node));

    /// <summary>ClopperPearson becomes clopper_pearson, as YAML writes it.</summary>
    public static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
