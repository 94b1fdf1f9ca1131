namespace QualityGate.Configuration;

/// <summary>
/// The JSON Schema of <c>qualitygate.yml</c> (draft 07, as editors' YAML support reads it), kept
/// in <c>docs/schemas/</c> and built into qgate, so <c>init</c> and <c>qgate schema</c> give the
/// schema of the qgate that reads the file. The loader stays the judge: the schema is for
/// completion and checking as one types.
/// </summary>
public static class ConfigSchema
{
    public const string FileName = "qualitygate.schema.json";

    /// <summary>The comment that points YAML editors (the yaml-language-server) at the schema beside the config.</summary>
    public const string ModelineComment = "# yaml-language-server: $schema=" + FileName;

    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"The build left out {FileName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
