namespace QualityGate.Errors;

/// <summary>
/// A problem the user can act on: what is wrong, where, and (optionally) what would fix it.
/// The CLI prints it in MSBuild's canonical form, <c>file(line,col): error CODE: message</c>,
/// and exits with <see cref="ExitCode"/>; no stack trace is shown for these.
/// </summary>
public class QualityGateException : Exception
{
    public QualityGateException(int exitCode, string code, string message, SourceLocation? location = null, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
        Code = code;
        Location = location;
        Hint = hint;
    }

    public int ExitCode { get; }

    /// <summary>QG2xxx for configuration, QG3xxx for model or data problems.</summary>
    public string Code { get; }

    public SourceLocation? Location { get; }

    public string? Hint { get; }

    /// <summary>The one line a user (or MSBuild) reads.</summary>
    public string ToDiagnostic()
    {
        var where = Location is null ? "qgate" : Location.ToString();
        var message = Location?.Within is { } within ? $"{Message} ({within})" : Message;
        var text = Hint is null ? message : $"{message} {Hint}";
        return $"{where}: error {Code}: {text}";
    }
}

/// <summary>A mistake in the configuration or on the command line: exit code 2.</summary>
public sealed class ConfigurationException(string code, string message, SourceLocation? location = null, string? hint = null, Exception? inner = null)
    : QualityGateException(ExitCodes.UsageOrConfiguration, code, message, location, hint, inner);

/// <summary>A model or data file that cannot be used as it is: exit code 3.</summary>
public sealed class DataException(string code, string message, SourceLocation? location = null, string? hint = null, Exception? inner = null)
    : QualityGateException(ExitCodes.ModelOrData, code, message, location, hint, inner);
