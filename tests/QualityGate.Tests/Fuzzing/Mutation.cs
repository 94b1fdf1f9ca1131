using CsCheck;

namespace QualityGate.Tests.Fuzzing;

/// <summary>
/// Structured garbage: a real input with a few edits (insert, delete, duplicate, replace with
/// characters that matter to its format, truncate). Starting from a valid file reaches far
/// deeper into a reader than random bytes, which stop at the first line.
/// </summary>
internal static class Mutation
{
    private sealed record Edit(int Kind, int Position, int Length, string Text);

    public static Gen<string> Of(string seed, string alphabet)
    {
        var text = Gen.String[Gen.Char[alphabet], 1, 24];
        var edit = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[1, 200], text, (kind, position, length, t) => new Edit(kind, position, length, t));
        return edit.Array[1, 3].Select(edits => Apply(seed, edits));
    }

    private static string Apply(string text, Edit[] edits)
    {
        foreach (var edit in edits)
        {
            var at = text.Length == 0 ? 0 : edit.Position % text.Length;
            var length = Math.Min(edit.Length, text.Length - at);
            text = edit.Kind switch
            {
                0 => text.Insert(at, edit.Text),
                1 => text.Remove(at, length),
                2 => text.Insert(at, text.Substring(at, length)),
                3 => text.Remove(at, length).Insert(at, edit.Text),
                _ => text[..at],
            };
        }

        return text;
    }
}
