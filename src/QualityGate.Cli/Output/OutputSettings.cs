namespace QualityGate.Cli.Output;

/// <summary>How much qgate says: <c>--verbosity quiet|minimal|normal|detailed</c> (or <c>-q</c>).</summary>
internal enum Verbosity
{
    /// <summary>Findings and the verdict line only.</summary>
    Quiet,

    /// <summary>Findings, the result's path and the verdict.</summary>
    Minimal,

    /// <summary>The summary tables too (the default).</summary>
    Normal,

    /// <summary>Everything, with progress.</summary>
    Detailed,
}

/// <summary>The output options given on the command line, for every command.</summary>
internal static class OutputSettings
{
    public static Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary><c>--no-color</c>; <c>NO_COLOR</c> is honoured by the console library itself.</summary>
    public static bool NoColor { get; set; }

    public static bool ShowsSummary => Verbosity >= Verbosity.Normal;

    public static bool ShowsProgress => Verbosity >= Verbosity.Normal;
}
