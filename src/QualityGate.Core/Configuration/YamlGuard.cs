using QualityGate.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace QualityGate.Configuration;

/// <summary>
/// Reads the YAML's event stream once, before any tree is built, and refuses what a
/// configuration never needs and an attacker would use: more than one document, keys that are
/// not plain values, nesting deeper than <see cref="MaxDepth"/> (the tree builder recurses, so
/// 100,000 '[' would overflow the stack), more than <see cref="MaxAliases"/> aliases (each one
/// can stand for a whole subtree), values longer than <see cref="MaxValueLength"/> characters,
/// and control characters (escape sequences that would reach a terminal, NUL in a path).
/// The event reader itself keeps its state on the heap, so it is safe on any input.
/// </summary>
internal static class YamlGuard
{
    public const int MaxBytes = 1 << 20;
    public const int MaxDepth = 64;
    public const int MaxAliases = 100;
    public const int MaxValueLength = 10_000;

    private sealed class Frame(bool isMapping)
    {
        public bool IsMapping { get; } = isMapping;

        public bool ExpectKey { get; set; } = true;
    }

    public static void Check(string text, string path)
    {
        var parser = new Parser(new StringReader(text));
        var frames = new Stack<Frame>();
        var documents = 0;
        var aliases = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var where = new SourceLocation(path, (int)current.Start.Line, (int)current.Start.Column);
            switch (current)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        throw new ConfigurationException(ErrorCodes.ConfigSyntax, "A second YAML document starts here ('---'): a configuration is one document, and the rest would be ignored.", where, "Remove the '---' line and everything after it, or merge the two.");
                    }

                    break;
                case Scalar scalar:
                    Node(frames, scalar, where);
                    CheckValue(scalar.Value, where);
                    break;
                case AnchorAlias:
                    if (++aliases > MaxAliases)
                    {
                        throw new ConfigurationException(ErrorCodes.ConfigSyntax, $"More than {MaxAliases} YAML aliases ('*name'): a configuration needs few, and each can stand for a whole subtree.", where);
                    }

                    Node(frames, current, where);
                    break;
                case MappingStart or SequenceStart:
                    Node(frames, current, where);
                    if (frames.Count >= MaxDepth)
                    {
                        throw new ConfigurationException(ErrorCodes.ConfigSyntax, $"The YAML nests deeper than {MaxDepth} levels here; a configuration needs a few.", where);
                    }

                    frames.Push(new Frame(current is MappingStart));
                    break;
                case MappingEnd or SequenceEnd:
                    frames.Pop();
                    break;
            }
        }
    }

    /// <summary>A node inside a mapping alternates key, value: a key must be a plain value.</summary>
    private static void Node(Stack<Frame> frames, ParsingEvent node, SourceLocation where)
    {
        if (frames.Count == 0 || !frames.Peek().IsMapping)
        {
            return;
        }

        var frame = frames.Peek();
        if (frame.ExpectKey && node is not Scalar)
        {
            throw new ConfigurationException(ErrorCodes.ConfigSyntax, $"A key here is {(node is AnchorAlias ? "an alias" : node is MappingStart ? "a mapping" : "a list")}; configuration keys are plain words.", where, "Write the key as text, for example 'fpr:'.");
        }

        frame.ExpectKey = !frame.ExpectKey;
    }

    private static void CheckValue(string value, SourceLocation where)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ConfigurationException(ErrorCodes.ConfigBadValue, $"A value of {value.Length:N0} characters; configuration values are at most {MaxValueLength:N0}.", where);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                throw new ConfigurationException(ErrorCodes.ConfigBadValue, $"A value holds the control character U+{(int)c:X4}; configuration values are plain text.", where, "Remove it: control characters can hide text in a terminal or cut a path short.");
            }
        }
    }
}
