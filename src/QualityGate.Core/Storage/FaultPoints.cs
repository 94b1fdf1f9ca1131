namespace QualityGate.Storage;

/// <summary>
/// Named places where a crash would hurt most, so tests can kill the process exactly there.
/// When <c>QUALITYGATE_FAULT_POINT</c> names the point being reached, the process records that
/// it got there (in the file <c>QUALITYGATE_FAULT_SIGNAL</c> names) and waits to be killed.
/// Without those variables a fault point costs one environment lookup.
/// </summary>
public static class FaultPoints
{
    public const string HoldingLock = "holding-lock";
    public const string AfterTemporaryWrite = "after-temp-write";
    public const string BeforeRename = "before-rename";

    public static IReadOnlyList<string> All { get; } = [HoldingLock, AfterTemporaryWrite, BeforeRename];

    public static void Reach(string name)
    {
        if (Environment.GetEnvironmentVariable("QUALITYGATE_FAULT_POINT") != name)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("QUALITYGATE_FAULT_SIGNAL") is { Length: > 0 } signal)
        {
            File.WriteAllText(signal, name);
        }

        Thread.Sleep(Timeout.Infinite);
    }
}
