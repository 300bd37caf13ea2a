using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace HyperTune.Testing;

/// <summary>
/// A throwaway PostgreSQL server from Debian's packages, for one test run: <c>initdb</c> into a temporary folder (as
/// the <c>postgres</c> user when the tests run as root, since the server refuses to run as root), started with
/// <c>pg_ctl</c> on a free loopback port with its socket in that folder, stopped and deleted on dispose. When the
/// binaries are missing it installs the <c>postgresql</c> package if it can (root), and otherwise fails with a message
/// saying what to install; it never skips.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string SuperUser = "hypertune";
    private const string ServiceUser = "postgres";
    private string _directory = string.Empty;
    private string _bin = string.Empty;
    private int _databases;

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>How long initdb + start took.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>The connection string of the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    public async Task InitializeAsync()
    {
        var started = Stopwatch.StartNew();
        _bin = FindBinaries() ?? await InstallAsync();
        var asRoot = Environment.UserName == "root";
        _directory = Directory.CreateTempSubdirectory("hypertune-pg-").FullName;
        var data = Path.Combine(_directory, "data");
        if (asRoot)
        {
            await RunAsync("chown", ["-R", ServiceUser + ":", _directory], asUser: null);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", data, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"], asRoot ? ServiceUser : null);
        Port = FreePort();
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "start"], asRoot ? ServiceUser : null);
        StartTime = started.Elapsed;
    }

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}").ToLowerInvariant();
        name = name[..Math.Min(name.Length, 60)];
        await using var dataSource = NpgsqlDataSource.Create(AdminConnectionString);
        await using var command = dataSource.CreateCommand($"CREATE DATABASE \"{name}\";");
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task DisposeAsync()
    {
        if (_directory.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var data = Path.Combine(_directory, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], Environment.UserName == "root" ? ServiceUser : null);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        Pooling = true,
        Timeout = 30,
    }.ToString();

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Directory: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Directory, "initdb")) && File.Exists(Path.Combine(d.Directory, "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Directory)
            .FirstOrDefault();
    }

    private static async Task<string> InstallAsync()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException(
                "PostgreSQL server binaries were not found under /usr/lib/postgresql/<version>/bin. Install Debian's 'postgresql' package (sudo apt-get install -y postgresql) to run the PostgreSQL tests.");
        }

        try
        {
            await RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], asUser: null, environment: ("DEBIAN_FRONTEND", "noninteractive"));
        }
        catch (InvalidOperationException)
        {
            // A fresh machine has no package lists yet.
            await RunAsync("apt-get", ["update"], asUser: null);
            await RunAsync("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"], asUser: null, environment: ("DEBIAN_FRONTEND", "noninteractive"));
        }

        return FindBinaries() ?? throw new InvalidOperationException("apt-get installed 'postgresql', but no initdb and pg_ctl were found under /usr/lib/postgresql/<version>/bin.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, string? asUser, (string Name, string Value)? environment = null)
    {
        var start = new ProcessStartInfo
        {
            FileName = asUser is null ? program : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asUser is not null)
        {
            foreach (var argument in new[] { "-u", asUser, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{program} {string.Join(' ', arguments)}' exited with {process.ExitCode}: {output}");
        }
    }
}
