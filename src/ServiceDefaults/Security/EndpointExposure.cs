using Microsoft.Extensions.Options;

namespace HyperTune.ServiceDefaults.Security;

/// <summary>
/// Whether this process's HTTP endpoint can be reached from other machines, decided once the server listens
/// (<see cref="ExposureCheck"/>), and so whether a request needs a credential. Until it is decided, it counts as
/// reachable: the endpoint fails closed.
/// </summary>
internal sealed class EndpointExposure(IOptions<HyperTuneSecurityOptions> options, AccessTokens tokens)
{
    private const int Undecided = 0;
    private const int LocalOnly = 1;
    private const int Reachable = 2;
    private int _state;

    /// <summary>True once <see cref="Decide"/> found an address other machines can reach; null before.</summary>
    public bool? IsReachableFromOtherMachines => Volatile.Read(ref _state) switch
    {
        LocalOnly => false,
        Reachable => true,
        _ => null,
    };

    /// <summary>
    /// True when a request must carry a token or sign-in cookie: a token is configured, or the endpoint is (or may be)
    /// reachable from other machines and anonymous access is not explicitly allowed.
    /// </summary>
    public bool RequiresCredential =>
        !tokens.IsEmpty || (IsReachableFromOtherMachines != false && !options.Value.AllowAnonymous);

    /// <summary>Records where the server listens.</summary>
    public void Decide(bool reachableFromOtherMachines) =>
        Volatile.Write(ref _state, reachableFromOtherMachines ? Reachable : LocalOnly);
}
