using System.Collections.Concurrent;
using System.Diagnostics;
using HyperTune.Testing;

namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>
/// A real silo process (the built <c>HyperTune.Silo</c>) — or another HyperTune host, the Coordinator — configured
/// through environment variables, with its output kept for diagnostics. <see cref="Kill"/> is <c>kill -9</c>.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly StreamWriter? _log;
    private bool _logClosed;

    private SiloProcess(string name, Process process)
    {
        (Name, _process) = (name, process);
        // HYPERTUNE_TEST_LOGS=<folder> keeps every line each process writes, one file per process, for a failure's post-mortem.
        if (Environment.GetEnvironmentVariable("HYPERTUNE_TEST_LOGS") is { Length: > 0 } folder)
        {
            System.IO.Directory.CreateDirectory(folder);
            _log = new StreamWriter(Path.Combine(folder, $"{name}-{process.Id}.log")) { AutoFlush = true };
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The silo's name.</summary>
    public string Name { get; }

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The last lines the silo wrote.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a silo named <paramref name="name"/> with the given configuration (keys as in appsettings, ':'-separated).</summary>
    public static SiloProcess Start(string name, IReadOnlyDictionary<string, string> configuration) => Start(name, "Silo", configuration);

    /// <summary>
    /// Starts the built <c>HyperTune.<paramref name="project"/></c> (<c>Silo</c>, <c>Coordinator</c>) as
    /// <paramref name="name"/> with the given configuration; <c>ASPNETCORE_URLS</c> among it sets its HTTP address.
    /// </summary>
    public static SiloProcess Start(string name, string project, IReadOnlyDictionary<string, string> configuration)
    {
        var start = new ProcessStartInfo("dotnet", [ProjectAssembly(project)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        if (project == "Silo")
        {
            start.Environment["HyperTune__Cluster__SiloName"] = name;
        }

        foreach (var (key, value) in configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new SiloProcess(name, Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start."));
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        Signal();
        _process.WaitForExit();
    }

    /// <summary>Sends kill -9 without waiting for the process to exit (to kill several at the same moment).</summary>
    public void Signal()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        if (_log is { } log)
        {
            lock (log)
            {
                _logClosed = true;
                log.Dispose();
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (_log is { } log)
        {
            lock (log)
            {
                if (!_logClosed)
                {
                    log.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {line}");
                }
            }
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>The host built beside this test (same configuration), which the AppHost reference builds.</summary>
    private static string ProjectAssembly(string project)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Path, "src", project, "bin", configuration, "net10.0", $"HyperTune.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: HyperTune.{project} was not found.", path);
    }
}
