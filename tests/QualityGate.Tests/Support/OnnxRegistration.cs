using System.Runtime.CompilerServices;
using QualityGate.Onnx;
using QualityGate.Scoring;

namespace QualityGate.Tests.Support;

/// <summary>
/// Tests that call the engine in this process score ONNX models through the add-on's factory,
/// registered as a library user would; tests of the qgate program find the add-on as users do.
/// </summary>
internal static class OnnxRegistration
{
    [ModuleInitializer]
    internal static void Register() => Scorers.Register(new OnnxScorerFactory());
}
