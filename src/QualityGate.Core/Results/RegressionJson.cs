using System.Text.Json;
using QualityGate.Errors;
using QualityGate.Gate;

namespace QualityGate.Results;

/// <summary>The <c>regression</c> section of the JSON result: each check against the baseline.</summary>
internal static class RegressionJson
{
    public static void Write(Utf8JsonWriter json, GateResult result)
    {
        json.WriteStartObject("regression");
        json.WriteString("baseline", result.BaselinePath);
        json.WriteStartArray("checks");
        foreach (var check in result.Regression)
        {
            json.WriteStartObject();
            json.WriteString("check", check.Limit.Key);
            json.WriteString("basis", check.Basis);
            json.WriteString("evidence", LimitEvaluator.YamlName(check.Evidence));
            ResultJson.NullableNumber(json, "maxIncrease", check.Limit.MaxIncrease);
            ResultJson.NullableNumber(json, "maxDecrease", check.Limit.MaxDecrease);
            ResultJson.NullableNumber(json, "max", check.Limit.Max);
            ResultJson.NullableNumber(json, "min", check.Limit.Min);
            json.WriteBoolean("relative", check.Limit.Relative);
            ResultJson.NullableNumber(json, "baselineValue", check.Baseline);
            ResultJson.NullableNumber(json, "candidateValue", check.Candidate);
            ResultJson.NullableNumber(json, "change", check.Change);
            ResultJson.NullableNumber(json, "changeLower", check.ChangeBounds?.Lower);
            ResultJson.NullableNumber(json, "changeUpper", check.ChangeBounds?.Upper);
            ResultJson.NullableNumber(json, "allowed", check.Allowed);
            Count(json, "compared", check.Compared);
            Count(json, "newlyCounted", check.Regressed);
            Count(json, "noLongerCounted", check.Fixed);
            ResultJson.NullableNumber(json, "mcnemarP", check.McNemarPValue);
            ResultJson.NullableNumber(json, "p", check.PValue);
            ResultJson.NullableNumber(json, "adjustedP", check.HolmPValue);
            ResultJson.NullableNumber(json, "holmP", result.Config.Statistics.Multiplicity == Configuration.Multiplicity.Holm ? check.HolmPValue : null);
            json.WriteString("verdict", ResultJson.Name(check.Verdict));
            json.WriteString("code", check.Verdict == Verdict.Inconclusive ? ErrorCodes.LimitInconclusive : ErrorCodes.RegressionBroken);
            json.WriteString("message", check.Message);
            json.WriteStartObject("source");
            json.WriteString("file", result.Config.Display(check.Limit.Location.File));
            json.WriteNumber("line", check.Limit.Location.Line);
            json.WriteNumber("column", check.Limit.Location.Column);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Count(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
