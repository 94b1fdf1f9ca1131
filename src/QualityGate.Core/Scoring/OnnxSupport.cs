using System.Reflection;
using QualityGate.Configuration;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// ONNX models are scored by the QualityGate.Onnx assembly, which brings ONNX Runtime. The engine
/// does not reference it: it is loaded here, by name, only when a config names an ONNX model, so
/// a build of qgate without it still runs every other model.
/// </summary>
internal static class OnnxSupport
{
    public static IModelScorer Load(GateConfig config)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load("QualityGate.Onnx");
        }
        catch (FileNotFoundException e)
        {
            throw new DataException(ErrorCodes.ModelUnreadable, $"'{config.Display(config.Model.Path!)}' is an ONNX model, and this qgate was built without ONNX support.", config.Model.Location,
                "Use the QualityGate.Tool or QualityGate.MSBuild package, which include it.", e);
        }

        var load = assembly.GetType("QualityGate.Onnx.OnnxModel", throwOnError: true)!.GetMethod("Load", [typeof(GateConfig)])!;
        try
        {
            return (IModelScorer)load.Invoke(null, [config])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
