using System.Globalization;
using System.Text;

namespace HyperTune.Storage.Checkpoints;

/// <summary>
/// Keeps checkpoints as files <c>{root}/{run}/epoch-{epoch:D6}.ckpt</c>. Writes go to a temporary file that is then
/// renamed, so a crash never leaves a half-written checkpoint under its real name.
/// </summary>
public sealed class LocalDirectoryCheckpointStore : ICheckpointStore
{
    private const string Extension = ".ckpt";
    private const string Prefix = "epoch-";
    private readonly string _root;

    /// <summary>Creates a store under <paramref name="rootDirectory"/>, creating it when missing.</summary>
    public LocalDirectoryCheckpointStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
    }

    /// <summary>The root directory.</summary>
    public string RootDirectory => _root;

    /// <inheritdoc />
    public async Task SaveAsync(string runId, int epoch, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        var path = PathOf(runId, epoch);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<byte[]?> LoadAsync(string runId, int epoch, CancellationToken cancellationToken = default)
    {
        var path = PathOf(runId, epoch);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CheckpointInfo>> ListAsync(string runId, CancellationToken cancellationToken = default)
    {
        var directory = DirectoryOf(runId);
        if (!Directory.Exists(directory))
        {
            return Task.FromResult<IReadOnlyList<CheckpointInfo>>([]);
        }

        var found = new List<CheckpointInfo>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles(Prefix + "*" + Extension))
        {
            var digits = file.Name[Prefix.Length..^Extension.Length];
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            {
                found.Add(new CheckpointInfo(runId, epoch, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
            }
        }

        found.Sort((a, b) => a.Epoch.CompareTo(b.Epoch));
        return Task.FromResult<IReadOnlyList<CheckpointInfo>>(found);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string runId, int epoch, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(runId, epoch));
        return Task.CompletedTask;
    }

    private string PathOf(string runId, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        return Path.Combine(DirectoryOf(runId), Prefix + epoch.ToString("D6", CultureInfo.InvariantCulture) + Extension);
    }

    private string DirectoryOf(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return Path.Combine(_root, SafeName(runId));
    }

    /// <summary>Maps a run id to a directory name: letters, digits, '-', '_' and '.' stay; anything else is hex-escaped.</summary>
    private static string SafeName(string runId)
    {
        var builder = new StringBuilder(runId.Length);
        foreach (var c in runId)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && builder.Length > 0))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
