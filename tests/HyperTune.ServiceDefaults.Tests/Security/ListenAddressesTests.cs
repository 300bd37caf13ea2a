using HyperTune.ServiceDefaults.Security;

namespace HyperTune.ServiceDefaults.Tests.Security;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.1.2.3:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://LOCALHOST:5443")]
    [InlineData("http://unix:/run/hypertune.sock")]
    public void IsLocalOnly_LoopbackOrSocketFile_True(string address) => Assert.True(ListenAddresses.IsLocalOnly(address));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://hypertune.example.org:5080")]
    [InlineData("not an address")]
    public void IsLocalOnly_AnythingElse_False(string address) => Assert.False(ListenAddresses.IsLocalOnly(address));
}
