using System.Text.Json;
using System.Text.Json.Nodes;
using PuppeteerSharp;

namespace QualityGate.Tests.Support;

/// <summary>
/// A real headless Chromium (Debian's package at /usr/bin/chromium), driven by PuppeteerSharp:
/// open a page, collect its errors, evaluate JavaScript in it, take a screenshot.
/// A missing browser is a failure, never a skip: CI installs it.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly IBrowser _browser;
    private readonly IPage _page;
    private readonly TemporaryDirectory _profile;
    private readonly List<string> _errors = [];
    private readonly Lock _gate = new();

    private Chromium(IBrowser browser, IPage page, TemporaryDirectory profile)
    {
        (_browser, _page, _profile) = (browser, page, profile);
        _page.Console += (_, e) =>
        {
            if (e.Message.Type == ConsoleType.Error)
            {
                Add($"console: {e.Message.Text}");
            }
        };
        _page.PageError += (_, e) => Add($"exception: {e.Message}");
    }

    /// <summary>Errors the page reported: uncaught exceptions and error-level log entries.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<Chromium> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is not installed: run 'apt-get install chromium' (.ci/run does).");
        }

        var profile = new TemporaryDirectory();
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            UserDataDir = profile.Path,
            DefaultViewport = new PuppeteerSharp.ViewPortOptions { Width = 1280, Height = 2400 },
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var pages = await browser.PagesAsync();
        var page = pages.Length > 0 ? pages[0] : await browser.NewPageAsync();
        return new Chromium(browser, page, profile);
    }

    public async Task OpenAsync(string path) =>
        await _page.GoToAsync(new Uri(path).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 30_000 });

    /// <summary>Evaluates an expression in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var value = await _page.EvaluateExpressionAsync<JsonElement>(expression);
        return JsonNode.Parse(value.GetRawText());
    }

    public async Task ScreenshotAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await _page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        await _browser.DisposeAsync();
        _profile.Dispose();
    }

    private void Add(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }
}
