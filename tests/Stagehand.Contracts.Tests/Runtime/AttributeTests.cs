using System;
using System.Reflection;

namespace Stagehand.Contracts.Tests.Runtime;

public sealed class AttributeTests
{
    [ContractType("sample", ContractVisibility.Internal, SchemaPath = "internal/sample.schema.json", Mirrors = "../v4/sample.schema.json", RequestFor = "thing", Persisted = true, UnknownMembers = UnknownMembers.Keep)]
    private sealed class Sample
    {
        [ContractMember("apiKey", Required = true, Sensitive = true, WriteOnly = true)]
        public string ApiKey { get; init; } = string.Empty;

        [ContractMember("id", ReadOnly = true)]
        public string Id { get; init; } = string.Empty;

        [ContractMember("serverCache", ClientOnly = true)]
        public bool ServerCache { get; init; }
    }

    [ContractType("color", ContractVisibility.Public)]
    private enum Color
    {
        [WireValue("dark-red")]
        DarkRed,
    }

    [MirrorsContract(typeof(Sample))]
    private sealed class HandWritten
    {
    }

    [Fact]
    public void ContractType_carries_its_settings()
    {
        ContractTypeAttribute attribute = typeof(Sample).GetCustomAttribute<ContractTypeAttribute>()!;

        Assert.Equal("sample", attribute.WireName);
        Assert.Equal(ContractVisibility.Internal, attribute.Visibility);
        Assert.Equal(UnknownMembers.Keep, attribute.UnknownMembers);
        Assert.Equal("internal/sample.schema.json", attribute.SchemaPath);
        Assert.Equal("../v4/sample.schema.json", attribute.Mirrors);
        Assert.Equal("thing", attribute.RequestFor);
        Assert.True(attribute.Persisted);
    }

    [Fact]
    public void ContractType_defaults()
    {
        ContractTypeAttribute attribute = typeof(Color).GetCustomAttribute<ContractTypeAttribute>()!;

        Assert.Equal("color", attribute.WireName);
        Assert.Equal(ContractVisibility.Public, attribute.Visibility);
        Assert.Equal(UnknownMembers.Drop, attribute.UnknownMembers);
        Assert.Null(attribute.SchemaPath);
        Assert.Null(attribute.Mirrors);
        Assert.Null(attribute.RequestFor);
        Assert.False(attribute.Persisted);
    }

    [Fact]
    public void ContractMember_carries_its_flags()
    {
        ContractMemberAttribute apiKey = typeof(Sample).GetProperty(nameof(Sample.ApiKey))!.GetCustomAttribute<ContractMemberAttribute>()!;
        ContractMemberAttribute id = typeof(Sample).GetProperty(nameof(Sample.Id))!.GetCustomAttribute<ContractMemberAttribute>()!;
        ContractMemberAttribute cache = typeof(Sample).GetProperty(nameof(Sample.ServerCache))!.GetCustomAttribute<ContractMemberAttribute>()!;

        Assert.Equal("apiKey", apiKey.WireName);
        Assert.True(apiKey.Required);
        Assert.True(apiKey.Sensitive);
        Assert.True(apiKey.WriteOnly);
        Assert.False(apiKey.ReadOnly);
        Assert.False(apiKey.ClientOnly);
        Assert.True(id.ReadOnly);
        Assert.False(id.Required);
        Assert.True(cache.ClientOnly);
    }

    [Fact]
    public void WireValue_and_MirrorsContract_carry_their_values()
    {
        WireValueAttribute wireValue = typeof(Color).GetField(nameof(Color.DarkRed))!.GetCustomAttribute<WireValueAttribute>()!;
        MirrorsContractAttribute mirrors = typeof(HandWritten).GetCustomAttribute<MirrorsContractAttribute>()!;

        Assert.Equal("dark-red", wireValue.Value);
        Assert.Equal(typeof(Sample), mirrors.Contract);
    }

    [Fact]
    public void Attribute_usage_targets()
    {
        Assert.Equal(
            AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum,
            typeof(ContractTypeAttribute).GetCustomAttribute<AttributeUsageAttribute>()!.ValidOn);
        Assert.Equal(AttributeTargets.Property, typeof(ContractMemberAttribute).GetCustomAttribute<AttributeUsageAttribute>()!.ValidOn);
        Assert.Equal(AttributeTargets.Field, typeof(WireValueAttribute).GetCustomAttribute<AttributeUsageAttribute>()!.ValidOn);
        Assert.Equal(
            AttributeTargets.Class | AttributeTargets.Struct,
            typeof(MirrorsContractAttribute).GetCustomAttribute<AttributeUsageAttribute>()!.ValidOn);
    }
}
