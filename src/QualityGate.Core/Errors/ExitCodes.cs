namespace QualityGate.Errors;

/// <summary>The process exit codes, shared by the CLI and documented in the README and docs/configuration.md.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int GateFailed = 1;
    public const int UsageOrConfiguration = 2;
    public const int ModelOrData = 3;
}
