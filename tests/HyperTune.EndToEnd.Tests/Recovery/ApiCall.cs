namespace HyperTune.EndToEnd.Tests.Recovery;

/// <summary>One request an <see cref="ApiProbe"/> made.</summary>
/// <param name="Kind">What it asked: <c>list</c> or <c>create</c>.</param>
/// <param name="Started">When it was sent, on the probe's clock.</param>
/// <param name="Ended">When its answer (or failure) came.</param>
/// <param name="Status">The HTTP status; 0 when no answer came (connection failed, timed out).</param>
public sealed record ApiCall(string Kind, TimeSpan Started, TimeSpan Ended, int Status)
{
    /// <summary>True for a 2xx answer.</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} at {Started.TotalSeconds:F2} s → {Status} in {(Ended - Started).TotalMilliseconds:F0} ms";
}
