using System.Text;
using YamlDotNet.RepresentationModel;

namespace QualityGate.Package.Tests.Documentation;

/// <summary>One step of a documented pipeline: a shell script, or an action/task the test stands in for.</summary>
/// <param name="Action">The action (<c>uses:</c>) or task (<c>task:</c>), or null for a script step.</param>
/// <param name="Always">Runs after a failed step too (<c>if: always()</c>, <c>condition: always()</c>, <c>when: always</c>).</param>
/// <param name="Inputs">The action's <c>with:</c> or the task's <c>inputs:</c>.</param>
internal sealed record PipelineStep(string? Action, string? Script, bool Always, IReadOnlyDictionary<string, string> Inputs);

/// <summary>What running a pipeline did: each step's output, and whether every step passed.</summary>
internal sealed record PipelineRun(bool Succeeded, string Log);

/// <summary>
/// Reads the pipelines the docs show (GitHub Actions, Azure Pipelines, GitLab CI) and runs them on
/// a consumer project the way their runners would: each script in bash with the runner's
/// variables, later steps skipped after a failure unless marked always. The steps that are not
/// scripts are the runners' own (checkout, SDK set-up, artifact upload); the test knows what each
/// needs, checks it (an uploaded path exists), and refuses any step it does not know, so a
/// pipeline edited in the docs cannot pass by being skipped.
/// </summary>
internal static class CiPipelines
{
    public static IReadOnlyList<PipelineStep> GitHubSteps(string yaml, string job)
    {
        var steps = Map(Map(Root(yaml), "jobs"), job).Children[new YamlScalarNode("steps")];
        return [.. ((YamlSequenceNode)steps).Cast<YamlMappingNode>().Select(step => new PipelineStep(
            Scalar(step, "uses"), Scalar(step, "run"), Scalar(step, "if") == "always()", Inputs(step, "with")))];
    }

    public static IReadOnlyList<PipelineStep> AzureSteps(string yaml) =>
        [.. ((YamlSequenceNode)Root(yaml).Children[new YamlScalarNode("steps")]).Cast<YamlMappingNode>().Select(step => new PipelineStep(
            Scalar(step, "task"), Scalar(step, "script"), Scalar(step, "condition") == "always()", Inputs(step, "inputs")))];

    /// <summary>A GitLab job's script lines, as steps, and its artifacts' report paths by kind.</summary>
    public static (IReadOnlyList<PipelineStep> Script, IReadOnlyDictionary<string, string> Reports) GitLabJob(string yaml, string job)
    {
        var definition = Map(Root(yaml), job);
        var script = ((YamlSequenceNode)definition.Children[new YamlScalarNode("script")]).Select(line => new PipelineStep(null, ((YamlScalarNode)line).Value, false, new Dictionary<string, string>()));
        return ([.. script], Inputs(Map(definition, "artifacts"), "reports"));
    }

    /// <summary>
    /// Runs <paramref name="steps"/> in order. <paramref name="action"/> stands in for each
    /// non-script step and throws for one it does not know; <paramref name="expand"/> substitutes
    /// the pipeline's expressions (<c>${{ matrix.shard }}</c>, <c>$(Build.ArtifactStagingDirectory)</c>).
    /// </summary>
    public static PipelineRun Run(
        IReadOnlyList<PipelineStep> steps,
        Func<string, Dotnet.Result> shell,
        Action<string, IReadOnlyDictionary<string, string>> action,
        Func<string, string>? expand = null)
    {
        expand ??= text => text;
        var log = new StringBuilder();
        var failed = false;
        foreach (var step in steps)
        {
            if (failed && !step.Always)
            {
                log.Append("skipped: ").AppendLine(step.Script ?? step.Action);
                continue;
            }

            if (step.Script is { } script)
            {
                var expanded = expand(script);
                var result = shell(expanded);
                log.Append("$ ").AppendLine(expanded).AppendLine(result.Output).Append("exit ").Append(result.ExitCode).AppendLine();
                failed |= result.ExitCode != 0;
            }
            else
            {
                action(step.Action!, step.Inputs.ToDictionary(kv => kv.Key, kv => expand(kv.Value)));
                log.Append("action: ").AppendLine(step.Action);
            }
        }

        return new PipelineRun(!failed, log.ToString());
    }

    private static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private static Dictionary<string, string> Inputs(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? ((YamlMappingNode)value).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!)
            : [];
}
