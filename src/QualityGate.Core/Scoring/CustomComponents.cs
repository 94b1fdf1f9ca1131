using System.Reflection;
using Microsoft.ML;
using QualityGate.Configuration;
using QualityGate.Errors;

namespace QualityGate.Scoring;

/// <summary>
/// A model's custom components (a <c>CustomMapping</c> factory, a user's own transformer) live in
/// the user's assembly; ML.NET finds them only in assemblies registered with its catalog, so
/// those <c>model.assemblies</c> lists are loaded and registered before the model is read.
/// </summary>
internal static class CustomComponents
{
    public static void Register(MLContext context, GateConfig config)
    {
        foreach (var assembly in config.Model.Assemblies)
        {
            var display = config.Display(assembly.Path);
            if (!File.Exists(assembly.Path))
            {
                throw new DataException(ErrorCodes.ModelMissing, $"The assembly '{display}' in 'model.assemblies' does not exist.", assembly.Location,
                    "Build the project that defines the model's custom components first, or fix the path.");
            }

            if (TryRegister(context, assembly.Path) is { } e)
            {
                throw new DataException(ErrorCodes.ModelUnreadable, $"'{display}' in 'model.assemblies' cannot be loaded: {e.Message}", assembly.Location, inner: e);
            }
        }

        // Passed on the chance that it holds the model's components, so one that does not load is
        // skipped: a model that needs a component from it fails to load and says which.
        if (config.Model.ProjectAssembly is { } project && File.Exists(project)
            && !config.Model.Assemblies.Any(a => string.Equals(Path.GetFullPath(a.Path), Path.GetFullPath(project), StringComparison.Ordinal)))
        {
            _ = TryRegister(context, project);
        }
    }

    /// <summary>Loads an assembly and registers its components; the reason when it cannot be loaded.</summary>
    private static Exception? TryRegister(MLContext context, string path)
    {
        try
        {
            context.ComponentCatalog.RegisterAssembly(Assembly.LoadFrom(path));
            return null;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or IOException or ReflectionTypeLoadException)
        {
            return e;
        }
    }

    /// <summary>The exception that says what went wrong: ML.NET wraps a component's failure in reflection's.</summary>
    public static Exception Cause(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner })
        {
            e = inner;
        }

        return e;
    }
}
