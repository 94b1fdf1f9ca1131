namespace QualityGate.Errors;

/// <summary>
/// Stable diagnostic codes. QG1xxx are broken limits (reported by the gate, not thrown),
/// QG2xxx configuration and usage, QG3xxx model and data. Codes are never reused.
/// </summary>
public static class ErrorCodes
{
    public const string LimitBroken = "QG1001";
    public const string LimitInconclusive = "QG1002";
    public const string RegressionBroken = "QG1003";

    public const string ConfigSyntax = "QG2001";
    public const string ConfigUnknownKey = "QG2002";
    public const string ConfigWrongType = "QG2003";
    public const string ConfigBadValue = "QG2004";
    public const string ConfigMissingKey = "QG2005";
    public const string ConfigFileMissing = "QG2006";
    public const string ConfigConflict = "QG2007";
    public const string ConfigUnknownMetric = "QG2008";
    public const string Usage = "QG2009";

    public const string DataFileMissing = "QG3001";
    public const string DataMissingColumn = "QG3002";
    public const string DataBadLabel = "QG3003";
    public const string DataBadScore = "QG3004";
    public const string DataEmpty = "QG3005";
    public const string DataOneClass = "QG3006";
    public const string ModelMissing = "QG3007";
    public const string ModelUnreadable = "QG3008";
    public const string ModelSchemaMismatch = "QG3009";
    public const string MetricNotComputable = "QG3010";
    public const string DataUnreadable = "QG3011";
    public const string OutputNotWritable = "QG3012";
    public const string SuiteInvalid = "QG3013";
    public const string BaselineInvalid = "QG3014";
    public const string DataRaggedRow = "QG3016";
    public const string DataBadFeature = "QG3017";
    public const string DataEncoding = "QG3018";
    public const string ModelNotBinary = "QG3019";
    public const string LockTimeout = "QG3015";

    /// <summary>The prefix of the gate's own findings (a limit or check not passed), as opposed to errors that kept it from running.</summary>
    public const string FindingPrefix = "QG1";

    /// <summary>A limit or check the gate decided against, which a warn-only build may soften; a configuration, model or data error never is.</summary>
    public static bool IsFinding(string code) => code.StartsWith(FindingPrefix, System.StringComparison.Ordinal);
}
