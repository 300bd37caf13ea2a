namespace HyperTune.Storage.Membership;

/// <summary>
/// A consistent read of a cluster's membership table: rows and table version as they were at one moment.
/// </summary>
/// <param name="Version">The table version: set by every conditional write, never lowered by the store.</param>
/// <param name="VersionETag">The table version's ETag, which the next conditional write must name.</param>
/// <param name="Members">The rows read (all of them, or the one asked for, or none).</param>
public sealed record StoredMembership(int Version, string VersionETag, IReadOnlyList<StoredMember> Members);
