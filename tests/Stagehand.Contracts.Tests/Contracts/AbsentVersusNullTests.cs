using System;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Tests.Contracts;

public sealed class AbsentVersusNullTests
{
    private static readonly Guid LlmId = Guid.Parse("00000000-0000-4000-8000-00000000000a");

    [Fact]
    public void Unset_null_and_Guid_override_are_three_different_values()
    {
        var keep = new BrowserSessionUpdateRequest();
        var clear = new BrowserSessionUpdateRequest { ActLlmId = null };
        var set = new BrowserSessionUpdateRequest { ActLlmId = LlmId };

        Assert.False(keep.ActLlmId.HasValue);
        Assert.True(clear.ActLlmId.HasValue);
        Assert.Null(clear.ActLlmId.Value);
        Assert.True(set.ActLlmId.HasValue);
        Assert.Equal(LlmId, set.ActLlmId.Value);

        Assert.NotEqual(keep, clear);
        Assert.NotEqual(keep, set);
        Assert.NotEqual(clear, set);
        Assert.Equal(clear, new BrowserSessionUpdateRequest { ActLlmId = (Guid?)null });
        Assert.Equal(keep, new BrowserSessionUpdateRequest { ActLlmId = Optional<Guid?>.Absent });
    }

    [Fact]
    public void Each_override_is_independent()
    {
        var request = new BrowserSessionUpdateRequest { ObserveLlmId = (Guid?)null, ExtractLlmId = LlmId };

        Assert.False(request.ActLlmId.HasValue);
        Assert.True(request.ObserveLlmId.HasValue);
        Assert.Null(request.ObserveLlmId.Value);
        Assert.Equal(LlmId, request.ExtractLlmId.Value);
    }

    [Fact]
    public void LlmId_cannot_be_cleared_only_kept_or_set()
    {
        // llmId may not be null on the wire: its member is a plain Guid?, where null means absent.
        var keep = new BrowserSessionUpdateRequest();
        var set = new BrowserSessionUpdateRequest { LlmId = LlmId };

        Assert.Null(keep.LlmId);
        Assert.Equal(LlmId, set.LlmId);
        Assert.Equal(typeof(Guid?), typeof(BrowserSessionUpdateRequest).GetProperty(nameof(BrowserSessionUpdateRequest.LlmId))!.PropertyType);
    }
}
