namespace QualityGate.Package.Tests;

/// <summary>
/// A throw-away project that consumes the packed QualityGate.MSBuild, isolated from this
/// repository: empty Directory.Build.props/targets, a nuget.config whose package source mapping
/// takes QualityGate.* only from the local feed, a private NuGet cache, no node reuse, and a
/// binary log per build. It carries a copy of the spam sample's model, data, suite and baseline.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private readonly PackagedFeed _feed;
    private readonly string _packageCache;
    private readonly string _cliHome;
    private int _builds;

    /// <param name="items">More of the project's items, for example a package reference its own code needs.</param>
    /// <param name="ownPackageCache">
    /// A NuGet cache of its own instead of the feed's shared one, for a test that needs a package
    /// not to be installed yet: another test may have put it in the shared cache.
    /// </param>
    public ConsumerProject(PackagedFeed feed, string targetFrameworks = "<TargetFramework>net10.0</TargetFramework>", string items = "", bool ownPackageCache = false)
    {
        _feed = feed;
        Root = Path.Combine(feed.Root, "consumers", Guid.NewGuid().ToString("N"));
        _packageCache = ownPackageCache ? Path.Combine(Root, "nuget-cache") : feed.Cache;
        _cliHome = Path.Combine(ownPackageCache ? Root : feed.Root, "cli-home");
        Directory.CreateDirectory(ProjectDirectory);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        // The machine's own package sources, read from its NuGet configuration, serve everything
        // but QualityGate.*, which comes only from the local feed.
        var upstream = string.Concat(feed.UpstreamSources.Select((url, i) => $"<add key=\"upstream{i}\" value=\"{url}\" />"));
        var upstreamMapping = string.Concat(feed.UpstreamSources.Select((_, i) => $"<packageSource key=\"upstream{i}\"><package pattern=\"*\" /></packageSource>"));
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed.Feed}" />
                {upstream}
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="QualityGate.*" /></packageSource>
                {upstreamMapping}
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(ProjectDirectory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {targetFrameworks}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="QualityGate.MSBuild" Version="{feed.Version}" PrivateAssets="all" />
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(ProjectDirectory, "Marker.cs"), "public static class Marker { }\n");
        foreach (var folder in new[] { "data", "model", "quality" })
        {
            Directory.CreateDirectory(Path.Combine(ProjectDirectory, folder));
            foreach (var file in Directory.EnumerateFiles(Path.Combine(PackagedFeed.Sample, folder)).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(ProjectDirectory, folder, Path.GetFileName(file)));
            }
        }

        File.Copy(Path.Combine(PackagedFeed.Sample, "qualitygate.yml"), ConfigPath);
    }

    public string Root { get; }

    public string ProjectDirectory => Path.Combine(Root, "app");

    /// <summary>The NuGet packages folder the project restores into.</summary>
    public string PackageCache => _packageCache;

    public string ConfigPath => Path.Combine(ProjectDirectory, "qualitygate.yml");

    public string SuitePath => Path.Combine(ProjectDirectory, "quality", "hard-negatives.csv");

    public Dotnet.Result Build(params string[] properties)
    {
        var log = Path.Combine(Root, $"build-{++_builds}.binlog");
        return Dotnet.Run(Root, Environment(), ["build", "app", "-nodeReuse:false", "-v:n", $"-bl:{log}", .. properties.Select(p => $"-p:{p}")]);
    }

    /// <summary>A build with other command-line arguments (for example <c>-f net10.0</c>).</summary>
    public Dotnet.Result BuildWith(params string[] args)
    {
        var log = Path.Combine(Root, $"build-{++_builds}.binlog");
        return Dotnet.Run(Root, Environment(), ["build", "app", "-nodeReuse:false", "-v:n", $"-bl:{log}", .. args]);
    }

    public Dotnet.Result Run(params string[] args) => Dotnet.Run(ProjectDirectory, Environment(), args);

    /// <summary>
    /// A script run as CI runners run a step, <c>bash -eo pipefail</c> (with <c>-u</c> on top),
    /// in <paramref name="directory"/> (the project's by default), with <paramref name="variables"/> set.
    /// </summary>
    public Dotnet.Result Shell(string script, IReadOnlyDictionary<string, string>? variables = null, string? directory = null)
    {
        var environment = Environment();
        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return Processes.Run("bash", directory ?? ProjectDirectory, environment, "--noprofile", "--norc", "-euo", "pipefail", "-c", script);
    }

    /// <summary>The tool installed from the feed into a local manifest, as the README's Install section does.</summary>
    public void InstallTool()
    {
        Assert.Equal(0, Run("new", "tool-manifest").ExitCode);
        var install = Run("tool", "install", "QualityGate.Tool", "--version", _feed.Version);
        Assert.True(install.ExitCode == 0, install.Output);
    }

    public void EditConfig(string from, string to)
    {
        var text = File.ReadAllText(ConfigPath);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(ConfigPath, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary>The change a pull request makes that the gate must catch: the sample's weaker model in place of its model.</summary>
    public void ReplaceModelWithTheWeakOne() =>
        File.Copy(Path.Combine(ProjectDirectory, "model", "spam-weak.zip"), Path.Combine(ProjectDirectory, "model", "spam.zip"), overwrite: true);

    /// <summary>The 1-based line of the first YAML line containing <paramref name="text"/>.</summary>
    public int LineOf(string text) => File.ReadAllLines(ConfigPath).ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal)) + 1;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the feed's cleanup.
        }
    }

    // A private CLI home too: dotnet keeps a per-user cache of where local tools live, which
    // would otherwise point at an earlier run's deleted package cache.
    private Dictionary<string, string> Environment() => new() { ["NUGET_PACKAGES"] = _packageCache, ["DOTNET_CLI_HOME"] = _cliHome };
}
