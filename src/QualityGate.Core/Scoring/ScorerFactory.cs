using QualityGate.Configuration;

namespace QualityGate.Scoring;

/// <summary>
/// Scores one kind of model (<c>model.kind</c>). ML.NET models and precomputed scores are built
/// in; other kinds (ONNX) come from add-ons, each an assembly that names its factory with
/// <see cref="ScorerFactoryAttribute"/> and compiles against this public API only.
/// </summary>
public interface IScorerFactory
{
    ModelKind Kind { get; }

    /// <summary>The scorer for the config's model; a model it cannot load is a <see cref="Errors.DataException"/> at <c>model.path</c>.</summary>
    IModelScorer Create(GateConfig config);
}

/// <summary>Names an add-on assembly's <see cref="IScorerFactory"/>, so a host finds it without knowing its type.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ScorerFactoryAttribute(Type factory) : Attribute
{
    public Type Factory { get; } = factory;

    /// <summary>The factory an add-on assembly names; null when it names none.</summary>
    public static IScorerFactory? In(System.Reflection.Assembly assembly) =>
        assembly.GetCustomAttributes(typeof(ScorerFactoryAttribute), inherit: false) is [ScorerFactoryAttribute { Factory: var type }, ..]
            ? (IScorerFactory)Activator.CreateInstance(type)!
            : null;
}
