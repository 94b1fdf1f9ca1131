using QualityGate.Configuration;
using QualityGate.Errors;
using QualityGate.Storage;

namespace QualityGate.Baseline;

/// <summary>Loads the baseline a config names, and writes a new one atomically under the folder lock.</summary>
public static class BaselineStore
{
    /// <summary>The baseline, or null when the config has none or allows it to be missing (with a warning).</summary>
    public static BaselineDocument? Load(GateConfig config, ICollection<string> warnings, bool mayBeMissing = false)
    {
        if (config.Regression is not { } regression)
        {
            return null;
        }

        var display = config.Display(regression.Baseline);
        if (!File.Exists(regression.Baseline))
        {
            if (regression.AllowMissing || mayBeMissing)
            {
                warnings.Add($"The baseline '{display}' does not exist yet: regression checks were skipped. Write it with 'qgate bless'.");
                return null;
            }

            throw new DataException(ErrorCodes.BaselineInvalid, $"The baseline '{display}' does not exist.", regression.Location,
                "Bless the current model with 'qgate bless', or set 'regression.allow_missing: true' to run without one.");
        }

        Storage.InputFile.RequireRegular(regression.Baseline, display, "baseline", regression.Location);
        var baseline = BaselineJson.Read(regression.Baseline, display);
        BaselineCheck.Require(baseline, config, regression.Baseline, display);
        return baseline;
    }

    /// <summary>
    /// Outcomes recorded under other columns, label, id, threshold or region cannot be compared.
    /// Checked after the data is read, so a mistake in the data or the model is reported first.
    /// </summary>
    public static void RequireSameSettings(GateConfig config, BaselineDocument? baseline)
    {
        if (baseline is not null && config.Regression is { } regression && baseline.SettingsHash != ContentHash.OfSettings(config))
        {
            throw new DataException(ErrorCodes.BaselineInvalid,
                $"The baseline '{config.Display(regression.Baseline)}' was blessed with other data-defining settings (columns, label, id, threshold or region).",
                regression.Location,
                "Outcomes under other settings cannot be compared: bless again with 'qgate bless'.");
        }
    }

    public static void Write(string path, BaselineDocument baseline)
    {
        using var folderLock = FileLock.Acquire(Path.GetDirectoryName(Path.GetFullPath(path))!, Suite.SuiteStore.LockTimeout);
        AtomicFile.Write(path, BaselineJson.Serialize(baseline));
    }
}
