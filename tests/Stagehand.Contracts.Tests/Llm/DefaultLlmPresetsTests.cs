using System;
using Stagehand.Contracts.Llm;
using Stagehand.Contracts.V4;

namespace Stagehand.Contracts.Tests.Llm;

public sealed class DefaultLlmPresetsTests
{
    private static readonly Guid Id = Guid.Parse("30000000-0000-4000-8000-000000000000");
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void V1_is_Default_LLM_on_gpt_4_1_nano()
    {
        DefaultLlmPreset v1 = DefaultLlmPresets.V1;

        Assert.Equal(1, v1.Version);
        Assert.Equal("Default LLM", v1.DisplayName);
        Assert.Equal("openai/gpt-4.1-nano", v1.ModelName);
        Assert.Equal(LLMSource.SystemDefault, v1.Source);
    }

    [Fact]
    public void Latest_is_the_highest_version_and_presets_are_listed_in_order()
    {
        Assert.Same(DefaultLlmPresets.All[^1], DefaultLlmPresets.Latest);
        Assert.Same(DefaultLlmPresets.V1, DefaultLlmPresets.All[0]);
        for (int i = 0; i < DefaultLlmPresets.All.Count; i++)
        {
            Assert.Equal(i + 1, DefaultLlmPresets.All[i].Version);
        }
    }

    [Fact]
    public void TryGet_finds_shipped_versions_only()
    {
        Assert.True(DefaultLlmPresets.TryGet(1, out DefaultLlmPreset? v1));
        Assert.Same(DefaultLlmPresets.V1, v1);
        Assert.False(DefaultLlmPresets.TryGet(0, out DefaultLlmPreset? none));
        Assert.Null(none);
        Assert.False(DefaultLlmPresets.TryGet(DefaultLlmPresets.Latest.Version + 1, out _));
    }

    [Fact]
    public void Materialize_builds_a_system_default_LLMConfig_with_other_members_null()
    {
        DateTimeOffset updated = Created.AddMinutes(5);

        LLMConfig config = DefaultLlmPresets.V1.Materialize(Id, Created, updated);

        Assert.Equal(
            new LLMConfig
            {
                Id = Id,
                Source = LLMSource.SystemDefault,
                DisplayName = "Default LLM",
                ModelName = "openai/gpt-4.1-nano",
                BaseUrl = null,
                SystemPrompt = null,
                ProviderOptions = null,
                CreatedAt = Created,
                UpdatedAt = updated,
            },
            config);
        Assert.Equal("system-default", config.Source.ToWireValue());
    }

    [Fact]
    public void Materialize_with_one_timestamp_uses_it_for_both()
    {
        LLMConfig config = DefaultLlmPresets.Latest.Materialize(Id, Created);

        Assert.Equal(Created, config.CreatedAt);
        Assert.Equal(Created, config.UpdatedAt);
    }

    [Fact]
    public void Materialize_rejects_empty_id_and_backwards_timestamps()
    {
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => DefaultLlmPresets.V1.Materialize(Guid.Empty, Created)).ParamName);
        Assert.Equal("updatedAt", Assert.Throws<ArgumentException>(() => DefaultLlmPresets.V1.Materialize(Id, Created, Created.AddSeconds(-1))).ParamName);
    }
}
