using System.Collections.Concurrent;
using QualityGate.Configuration;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// The scorer a config names: an ML.NET model, the data's own score column, or a kind an add-on
/// scores. The engine does not look for add-ons itself: the host (the qgate program) knows where
/// they are installed and sets <see cref="FindAddOn"/>; a library user registers factories.
/// </summary>
public static class Scorers
{
    private static readonly ConcurrentDictionary<ModelKind, IScorerFactory> Registered = new();

    /// <summary>Asked once for a kind no factory is registered for; null when none is installed (it may throw a clearer error itself).</summary>
    public static Func<GateConfig, IScorerFactory?>? FindAddOn { get; set; }

    public static void Register(IScorerFactory factory) => Registered[factory.Kind] = factory;

    public static IModelScorer Create(GateConfig config) => config.Model.Kind switch
    {
        ModelKind.MlNet => MlNetModel.Load(config),
        ModelKind.Scores => new PrecomputedScores(config),
        var kind => Factory(kind, config).Create(config),
    };

    private static IScorerFactory Factory(ModelKind kind, GateConfig config)
    {
        if (Registered.TryGetValue(kind, out var factory))
        {
            return factory;
        }

        factory = FindAddOn?.Invoke(config) ?? throw new DataException(ErrorCodes.ModelUnreadable,
            $"Nothing here scores '{config.Display(config.Model.Path!)}', a model of kind {kind.ToString().ToLowerInvariant()}.",
            config.Model.Location);
        Register(factory);
        return factory;
    }
}
