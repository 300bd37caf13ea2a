namespace HyperTune.Storage.Membership;

/// <summary>A silo's row as read, with the ETag a conditional update of it must name.</summary>
/// <param name="Silo">The row.</param>
/// <param name="ETag">Its ETag: it changes at every conditional write of the row (not at an I-am-alive update).</param>
public sealed record StoredMember(StoredSilo Silo, string ETag);
