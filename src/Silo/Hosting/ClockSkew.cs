namespace HyperTune.Silo.Hosting;

/// <summary>
/// How far this silo's clock is from the store's, measured by one round trip: the store's time is compared with the
/// midpoint of the call, and half the round trip is the measurement's uncertainty.
/// </summary>
/// <param name="Offset">The store's time minus this silo's (positive: this clock is behind).</param>
/// <param name="Uncertainty">Half the round trip: the offset is known to within this.</param>
internal readonly record struct ClockSkew(TimeSpan Offset, TimeSpan Uncertainty)
{
    /// <summary>The skew seen by a call sent at <paramref name="sent"/>, answered at <paramref name="received"/> with the store's <paramref name="storeTime"/>.</summary>
    public static ClockSkew Measure(DateTimeOffset sent, DateTimeOffset received, DateTimeOffset storeTime)
    {
        var half = (received - sent) / 2;
        return new ClockSkew(storeTime - (sent + half), half.Duration());
    }

    /// <summary>
    /// True when the clocks surely differ by more than <paramref name="limit"/>: even the most favourable reading of the
    /// round trip leaves them further apart. A zero limit turns the check off.
    /// </summary>
    public bool Exceeds(TimeSpan limit) => limit > TimeSpan.Zero && Offset.Duration() - Uncertainty > limit;
}
