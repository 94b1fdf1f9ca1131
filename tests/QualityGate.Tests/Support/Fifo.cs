using System.Diagnostics;

namespace QualityGate.Tests.Support;

public static class Fifo
{
    /// <summary>Makes a named pipe at the path: reading it would block until a writer comes.</summary>
    public static void Make(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path)!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
