namespace HyperTune.Storage.Sqlite;

/// <summary>A reminder row: a grain's named, periodic wake-up.</summary>
/// <param name="GrainId">The grain, as text.</param>
/// <param name="Name">The reminder's name, unique per grain.</param>
/// <param name="StartAt">When it first fires.</param>
/// <param name="Period">Its period.</param>
/// <param name="GrainHash">The grain's position on the cluster's hash ring, as a signed integer.</param>
/// <param name="ETag">The row's version.</param>
public sealed record StoredReminder(string GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, int GrainHash, string ETag);
