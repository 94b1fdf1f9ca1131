using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using QualityGate.Configuration;
using QualityGate.Errors;

using QualityGate.Scoring;

namespace QualityGate.Cli.AddOns;

/// <summary>
/// ONNX models are scored by the QualityGate.Onnx add-on, which brings ONNX Runtime and its
/// native libraries. It is found here, by the host, only when a config names an ONNX model: in
/// this process when it was built with it, else in the folder <c>QUALITYGATE_ADDONS</c> names,
/// else in <c>addon/</c> beside qgate (the tool package for a platform carries the add-on with
/// that platform's native library there: one install), else in the NuGet packages folder where
/// installing the QualityGate.Onnx package of this qgate's version put it (the MSBuild package
/// and the platform-neutral tool package carry no ONNX Runtime). The add-on names its
/// <see cref="IScorerFactory"/> with <see cref="ScorerFactoryAttribute"/>.
/// </summary>
internal static class OnnxAddOn
{
    public const string PackageId = "QualityGate.Onnx";
    private const string AssemblyName = "QualityGate.Onnx";

    /// <summary>For <see cref="Scorers.FindAddOn"/>: the add-on's factory when the config names an ONNX model, else nothing.</summary>
    public static IScorerFactory? Find(GateConfig config) =>
        config.Model.Kind == ModelKind.Onnx
            ? ScorerFactoryAttribute.In(Assembly(config)) ?? throw new InvalidOperationException($"{AssemblyName} names no scorer factory.")
            : null;

    /// <summary>The places the add-on is looked for, in order.</summary>
    public static IEnumerable<string> Folders()
    {
        if (Environment.GetEnvironmentVariable("QUALITYGATE_ADDONS") is { Length: > 0 } folder)
        {
            yield return Path.GetFullPath(folder);
        }

        yield return Path.Combine(AppContext.BaseDirectory, "addon");

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        yield return Path.Combine(packages, PackageId.ToLowerInvariant(), Version, "addon");
    }

    /// <summary>This qgate's version: the add-on must be the same one.</summary>
    public static string Version =>
        (typeof(OnnxAddOn).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    private static Assembly Assembly(GateConfig config)
    {
        try
        {
            return System.Reflection.Assembly.Load(AssemblyName);
        }
        catch (FileNotFoundException)
        {
            // Not built in: look for the add-on.
        }

        var folder = Folders().FirstOrDefault(f => File.Exists(Path.Combine(f, AssemblyName + ".dll")))
            ?? throw new DataException(ErrorCodes.ModelUnreadable,
                $"'{config.Display(config.Model.Path!)}' is an ONNX model, and ONNX support is an add-on that is not installed.",
                config.Model.Location,
                $"Install the {PackageId} package, version {Version} (for example 'dotnet add package {PackageId} --version {Version}' in any project here), or set QUALITYGATE_ADDONS to its 'addon' folder. Looked in: {string.Join(", ", Folders())}.");
        return new AddOnLoadContext(folder).LoadFromAssemblyPath(Path.Combine(folder, AssemblyName + ".dll"));
    }

    /// <summary>
    /// Loads the add-on's own assemblies (ONNX Runtime's managed API, ML.NET's ONNX transformer) and
    /// native library from its folder; everything qgate already has (the engine, ML.NET) comes from
    /// qgate, so both speak of the very same types.
    /// </summary>
    private sealed class AddOnLoadContext(string folder) : AssemblyLoadContext("QualityGate add-on")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            try
            {
                return Default.LoadFromAssemblyName(name);
            }
            catch (FileNotFoundException)
            {
                var path = Path.Combine(folder, name.Name + ".dll");
                return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
            }
        }

        protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
        {
            var file = OperatingSystem.IsWindows() ? $"{unmanagedDllName}.dll"
                : OperatingSystem.IsMacOS() ? $"lib{unmanagedDllName}.dylib"
                : $"lib{unmanagedDllName}.so";
            var path = Path.Combine(folder, "runtimes", RuntimeIdentifier, "native", file);
            return File.Exists(path) ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
        }

        private static string RuntimeIdentifier =>
            $"{(OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux")}-{RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}";
    }
}
