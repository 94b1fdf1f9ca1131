namespace QualityGate.Errors;

/// <summary>
/// A place in a file the user can open: 1-based line and column. Column 0 means "the whole line"
/// (data rows), which MSBuild's canonical format writes as <c>file(line)</c>.
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() =>
        Line <= 0 ? File : Column <= 0 ? $"{File}({Line})" : $"{File}({Line},{Column})";
}
