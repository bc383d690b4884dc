using System;
using System.Reflection;
using Stagehand.Contracts.Internal;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Tests.Contracts;

public sealed class ContractTypeAttributeTests
{
    private static ContractTypeAttribute Of(Type type) => type.GetCustomAttribute<ContractTypeAttribute>()!;

    [Fact]
    public void LLMConfig_is_public_and_persisted()
    {
        ContractTypeAttribute attribute = Of(typeof(LLMConfig));

        Assert.Equal("LLMConfig", attribute.WireName);
        Assert.Equal(ContractVisibility.Public, attribute.Visibility);
        Assert.True(attribute.Persisted);
        Assert.Equal(UnknownMembers.Reject, attribute.UnknownMembers);
        Assert.Equal("v4/LLMConfig.schema.json", attribute.SchemaPath);
    }

    [Fact]
    public void LLMSession_is_internal()
    {
        ContractTypeAttribute attribute = Of(typeof(LLMSession));

        Assert.Equal("LLMSession", attribute.WireName);
        Assert.Equal(ContractVisibility.Internal, attribute.Visibility);
        Assert.False(attribute.Persisted);
    }

    [Fact]
    public void Update_request_names_the_resource_it_writes()
    {
        Assert.Equal("BrowserSession.schema.json", Of(typeof(BrowserSessionUpdateRequest)).RequestFor);
    }

    [Theory]
    [InlineData(typeof(ActOptions))]
    [InlineData(typeof(ExtractOptions))]
    [InlineData(typeof(ObserveOptions))]
    public void ServerCache_is_client_only(Type options)
    {
        PropertyInfo property = options.GetProperty("ServerCache")!;
        ContractMemberAttribute member = property.GetCustomAttribute<ContractMemberAttribute>()!;

        Assert.Equal("serverCache", member.WireName);
        Assert.True(member.ClientOnly);
        Assert.Equal(typeof(ServerCacheSetting?), property.PropertyType);
    }

    [Fact]
    public void Sensitive_member_is_flagged()
    {
        Assert.True(typeof(GenericModelConfigObject).GetProperty(nameof(GenericModelConfigObject.ApiKey))!.GetCustomAttribute<ContractMemberAttribute>()!.Sensitive);
    }
}
