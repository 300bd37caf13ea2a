using System.Globalization;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Dashboard.Forms;

/// <summary>
/// Stores CSV files uploaded from the create-study form where the silos read them: in
/// <see cref="DashboardOptions.UploadDirectory"/>, which the silos must see as <see cref="DashboardOptions.UploadSpecPath"/>
/// under their data directory (the AppHost, all on one machine, sets both). Without an upload directory there is no
/// upload: the Coordinator may run on another host than the silos, so a file it stores is not one they can read. Files
/// get names of their own (a time, a random part and the sanitised original name), so nothing a browser sends chooses
/// where a file lands, and each is bounded by <see cref="DashboardOptions.MaxUploadBytes"/>.
/// </summary>
public sealed class CsvUploads(IOptions<DashboardOptions> options, TimeProvider time)
{
    /// <summary>True when uploads have somewhere to go.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.UploadDirectory);

    /// <summary>The largest file accepted.</summary>
    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>
    /// Stores <paramref name="content"/> (the browser's file <paramref name="fileName"/>) and returns the dataset path a
    /// spec names it by. Throws <see cref="InvalidDataException"/> with a message for the form when the file is refused.
    /// </summary>
    public async Task<string> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!Enabled)
        {
            throw new InvalidDataException("Uploads are off: the Coordinator has no directory the silos read (HyperTune:Dashboard:UploadDirectory).");
        }

        if (!string.Equals(Path.GetExtension(fileName), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("Only .csv files can be uploaded.");
        }

        var directory = Path.GetFullPath(options.Value.UploadDirectory!);
        Directory.CreateDirectory(directory);
        var name = string.Create(CultureInfo.InvariantCulture,
            $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}-{Sanitize(Path.GetFileNameWithoutExtension(fileName))}.csv");
        var target = Path.Combine(directory, name);
        var partial = target + ".part";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > MaxBytes)
                    {
                        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The file is larger than the {MaxBytes / (1024 * 1024)} MiB allowed."));
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                if (total == 0)
                {
                    throw new InvalidDataException("The file is empty.");
                }
            }

            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }

        return options.Value.UploadSpecPath.TrimEnd('/') + "/" + name;
    }

    /// <summary>Letters, digits, '-' and '_' of the original name, at most 40; "data" when none is left.</summary>
    public static string Sanitize(string name)
    {
        var kept = new string([.. (name ?? "").Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(40)]);
        return kept.Length == 0 ? "data" : kept;
    }
}
