using System.ComponentModel.DataAnnotations;
using HyperTune.Coordinator.Hosting;

namespace HyperTune.Coordinator.Tests.Hosting;

public sealed class CoordinatorClusterOptionsTests
{
    [Fact]
    public void EffectiveGatewayPorts_NoList_IsTheOnePort()
    {
        Assert.Equal([30000], new CoordinatorClusterOptions().EffectiveGatewayPorts);
        Assert.Equal([30005], new CoordinatorClusterOptions { GatewayPort = 30005 }.EffectiveGatewayPorts);
    }

    [Fact]
    public void EffectiveGatewayPorts_List_ReplacesThePort()
    {
        Assert.Equal([30001, 30002], new CoordinatorClusterOptions { GatewayPort = 30005, GatewayPorts = [30001, 30002] }.EffectiveGatewayPorts);
    }

    [Fact]
    public void Validate_PortOutOfRange_NamesIt()
    {
        var options = new CoordinatorClusterOptions { GatewayPorts = [30000, 70000] };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("70000", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new CoordinatorClusterOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
