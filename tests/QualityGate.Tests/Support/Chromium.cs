using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace QualityGate.Tests.Support;

/// <summary>
/// A real headless Chromium (Debian's package at /usr/bin/chromium), driven over the DevTools
/// protocol: open a page, collect its errors, evaluate JavaScript in it, take a screenshot.
/// A missing browser is a failure, never a skip: CI installs it.
/// </summary>
internal sealed partial class Chromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly TemporaryDirectory _profile;
    private readonly List<string> _errors = [];
    private readonly Dictionary<int, TaskCompletionSource<JsonNode?>> _pending = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;
    private Task? _receiving;

    private Chromium(Process process, TemporaryDirectory profile)
    {
        _process = process;
        _profile = profile;
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
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-quic", "--no-first-run", $"--user-data-dir={profile.Path}", "--remote-debugging-port=0",
            "--window-size=1280,2400", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var browser = new Chromium(process, profile);
        var endpoint = await ReadDevToolsEndpointAsync(process);
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://{endpoint}/json/list")))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await browser._socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        browser._receiving = Task.Run(browser.ReceiveAsync);
        await browser.SendAsync("Runtime.enable");
        await browser.SendAsync("Log.enable");
        await browser.SendAsync("Page.enable");
        return browser;
    }

    public async Task OpenAsync(string path)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(path).AbsoluteUri });
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates an expression in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        return result?["result"]?["value"];
    }

    public async Task ScreenshotAsync(string path)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result!["data"]!));
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _socket.Dispose();
        _process.Dispose();
        _profile.Dispose();
    }

    private static async Task<string> ReadDevToolsEndpointAsync(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && await process.StandardError.ReadLineAsync() is { } line)
        {
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new InvalidOperationException("Chromium did not start its DevTools endpoint.");
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject? parameters = null)
    {
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_nextId;
            _pending[id] = completion;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            Handle(JsonNode.Parse(message.ToArray())!);
            message.SetLength(0);
        }
    }

    private void Handle(JsonNode message)
    {
        lock (_gate)
        {
            if (message["id"] is { } id && _pending.Remove((int)id, out var completion))
            {
                completion.SetResult(message["result"]);
                return;
            }

            switch ((string?)message["method"])
            {
                case "Runtime.exceptionThrown":
                    _errors.Add(message["params"]!["exceptionDetails"]!.ToJsonString());
                    break;
                case "Log.entryAdded" when (string?)message["params"]!["entry"]!["level"] == "error":
                    _errors.Add((string?)message["params"]!["entry"]!["text"] ?? "error");
                    break;
                case "Page.loadEventFired":
                    _loaded.TrySetResult();
                    break;
            }
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://([^/]+)/")]
    private static partial Regex DevToolsLine();
}
