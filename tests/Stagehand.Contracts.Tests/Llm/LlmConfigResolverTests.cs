using System;
using Stagehand.Contracts.Llm;
using Stagehand.Contracts.Tests.Support;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Tests.Llm;

public sealed class LlmConfigResolverTests
{
    [Theory]
    [InlineData(StagehandOperation.Act)]
    [InlineData(StagehandOperation.Extract)]
    [InlineData(StagehandOperation.Observe)]
    public void Without_override_uses_llmId(StagehandOperation operation)
    {
        BrowserSession session = Samples.BrowserSession();

        Assert.Equal(Samples.LlmId, LlmConfigResolver.Resolve(session, operation));
        Assert.Equal(Samples.LlmId, LlmConfigResolver.Resolve(Samples.LlmId, null, null, null, operation));
    }

    [Theory]
    [InlineData(StagehandOperation.Act)]
    [InlineData(StagehandOperation.Extract)]
    [InlineData(StagehandOperation.Observe)]
    public void With_every_override_uses_the_operation_s_own(StagehandOperation operation)
    {
        BrowserSession session = Samples.BrowserSession(Samples.ActLlmId, Samples.ExtractLlmId, Samples.ObserveLlmId);
        Guid expected = operation switch
        {
            StagehandOperation.Act => Samples.ActLlmId,
            StagehandOperation.Extract => Samples.ExtractLlmId,
            _ => Samples.ObserveLlmId,
        };

        Assert.Equal(expected, LlmConfigResolver.Resolve(session, operation));
        Assert.Equal(expected, LlmConfigResolver.Resolve(Samples.LlmId, Samples.ActLlmId, Samples.ExtractLlmId, Samples.ObserveLlmId, operation));
    }

    [Theory]
    [InlineData(StagehandOperation.Act, StagehandOperation.Act)]
    [InlineData(StagehandOperation.Act, StagehandOperation.Extract)]
    [InlineData(StagehandOperation.Act, StagehandOperation.Observe)]
    [InlineData(StagehandOperation.Extract, StagehandOperation.Act)]
    [InlineData(StagehandOperation.Extract, StagehandOperation.Extract)]
    [InlineData(StagehandOperation.Extract, StagehandOperation.Observe)]
    [InlineData(StagehandOperation.Observe, StagehandOperation.Act)]
    [InlineData(StagehandOperation.Observe, StagehandOperation.Extract)]
    [InlineData(StagehandOperation.Observe, StagehandOperation.Observe)]
    public void One_override_affects_only_its_operation(StagehandOperation overridden, StagehandOperation operation)
    {
        Guid overrideId = Guid.Parse("99999999-0000-4000-8000-000000000000");
        BrowserSession session = Samples.BrowserSession(
            actLlmId: overridden == StagehandOperation.Act ? overrideId : null,
            extractLlmId: overridden == StagehandOperation.Extract ? overrideId : null,
            observeLlmId: overridden == StagehandOperation.Observe ? overrideId : null);

        Guid expected = overridden == operation ? overrideId : Samples.LlmId;

        Assert.Equal(expected, LlmConfigResolver.Resolve(session, operation));
    }

    [Fact]
    public void Rejects_null_session_and_undefined_operation()
    {
        Assert.Throws<ArgumentNullException>(() => LlmConfigResolver.Resolve(null!, StagehandOperation.Act));
        Assert.Throws<ArgumentOutOfRangeException>(() => LlmConfigResolver.Resolve(Samples.BrowserSession(), (StagehandOperation)7));
    }
}
