using System;
using System.Reflection;
using Stagehand.Contracts.Llm;
using Stagehand.Contracts.V3;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Tests.Contracts;

public sealed class ConstMemberTests
{
    private static VertexModelConfigObject Vertex() => new()
    {
        ModelName = "vertex/gemini-2.5-flash",
        Auth = new GoogleServiceAccountAuth
        {
            Credentials = new GoogleServiceAccountCredentials { PrivateKey = "-----BEGIN PRIVATE KEY-----x", ClientEmail = "svc@example.iam.gserviceaccount.com" },
        },
        ProviderOptions = new VertexModelProviderOptions { Vertex = new VertexProviderOptions { Project = "p", Location = "us-central1" } },
    };

    [Fact]
    public void Const_members_return_their_fixed_value()
    {
        VertexModelConfigObject vertex = Vertex();

        Assert.Equal("vertex", vertex.Provider);
        Assert.Equal("googleServiceAccount", vertex.Auth.Type);
        Assert.True(new LLMResponse { Data = new LLMResult { Llm = DefaultLlmPresets.V1.Materialize(Guid.NewGuid(), DateTimeOffset.UnixEpoch) } }.Success);
        Assert.False(new LLMErrorResponse { Message = "not found" }.Success);
        Assert.Equal("LOCAL", new BrowserSessionLocalCreateRequest().Env);
        Assert.Equal("BROWSERBASE", new BrowserSessionBrowserbaseCreateRequest().Env);
    }

    [Theory]
    [InlineData(typeof(VertexModelConfigObject), nameof(VertexModelConfigObject.Provider))]
    [InlineData(typeof(LLMResponse), nameof(LLMResponse.Success))]
    [InlineData(typeof(LLMErrorResponse), nameof(LLMErrorResponse.Success))]
    [InlineData(typeof(BrowserSessionLocalCreateRequest), nameof(BrowserSessionLocalCreateRequest.Env))]
    public void Const_members_are_get_only_and_required_on_the_wire(Type type, string member)
    {
        PropertyInfo property = type.GetProperty(member)!;

        Assert.False(property.CanWrite);
        Assert.True(property.GetCustomAttribute<ContractMemberAttribute>()!.Required);
    }

    [Fact]
    public void Const_members_take_part_in_equality_without_breaking_it()
    {
        Assert.Equal(Vertex(), Vertex());
        Assert.Equal(new BrowserSessionLocalCreateRequest(), new BrowserSessionLocalCreateRequest());
    }
}
