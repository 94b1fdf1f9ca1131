namespace QualityGate.Errors;

/// <summary>
/// A place in a file the user can open: 1-based line and column. Column 0 means "the whole line"
/// (data rows), which MSBuild's canonical format writes as <c>file(line)</c>.
/// </summary>
/// <param name="Within">
/// Where the line is in terms the file itself uses, when a line says little: for a Parquet file,
/// whose lines are those of the table's text, the row and its row group. Errors add it to their message.
/// </param>
public sealed record SourceLocation(string File, int Line, int Column, string? Within = null)
{
    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}({Line})" : $"{File}({Line},{Column})";
}
