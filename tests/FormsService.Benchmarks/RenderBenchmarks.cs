using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FormsService.Benchmarks;

/// <summary>
/// Warm, in-process renders of every form × format from the example payloads, with allocations (MemoryDiagnoser)
/// and the size of the output. Targets (issue 6): certificate / work-order PDF ≤ 2 ms and ≤ 35 KB, DOCX ≤ 0.5 ms,
/// vest PNG ≤ 15 ms at 96 dpi and ≤ 40 ms at 150 dpi, ≤ 200 KB allocated per PDF.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class RenderBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, new OutputSizeColumn());
            SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithMaxParameterColumnWidth(40);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        // Load the engine and warm every case once (fonts, subsets, definitions), then print the output sizes.
        Sizes.Print();
    }

    [Benchmark] public byte[] ReferralCertificatePdf() => Cases.Get(nameof(ReferralCertificatePdf)).Render();
    [Benchmark] public byte[] ReferralCertificateDocx() => Cases.Get(nameof(ReferralCertificateDocx)).Render();
    [Benchmark] public byte[] WorkOrderPdf() => Cases.Get(nameof(WorkOrderPdf)).Render();
    [Benchmark] public byte[] WorkOrderDocx() => Cases.Get(nameof(WorkOrderDocx)).Render();
    [Benchmark] public byte[] VestPng96dpi() => Cases.Get(nameof(VestPng96dpi)).Render();
    [Benchmark] public byte[] VestPng150dpi() => Cases.Get(nameof(VestPng150dpi)).Render();
    [Benchmark] public byte[] VestSvg() => Cases.Get(nameof(VestSvg)).Render();
    [Benchmark] public byte[] VestArtworkPdf() => Cases.Get(nameof(VestArtworkPdf)).Render();
    [Benchmark] public byte[] VestAppendixPdf() => Cases.Get(nameof(VestAppendixPdf)).Render();
    [Benchmark] public byte[] VestAppendixDocx() => Cases.Get(nameof(VestAppendixDocx)).Render();
    [Benchmark] public byte[] ReferralCertificatePreviewPng96dpi() => Cases.Get(nameof(ReferralCertificatePreviewPng96dpi)).Render();
    [Benchmark] public byte[] VerdictReceiptNoticePdf() => Cases.Get(nameof(VerdictReceiptNoticePdf)).Render();
    [Benchmark] public byte[] VerdictReceiptNoticeDocx() => Cases.Get(nameof(VerdictReceiptNoticeDocx)).Render();
    [Benchmark] public byte[] ConductReportPdf() => Cases.Get(nameof(ConductReportPdf)).Render();
    [Benchmark] public byte[] ConductReportDocx() => Cases.Get(nameof(ConductReportDocx)).Render();
    [Benchmark] public byte[] EvasionReportPdf() => Cases.Get(nameof(EvasionReportPdf)).Render();
    [Benchmark] public byte[] EvasionReportDocx() => Cases.Get(nameof(EvasionReportDocx)).Render();
    [Benchmark] public byte[] WorkActPdf() => Cases.Get(nameof(WorkActPdf)).Render();
    [Benchmark] public byte[] WorkActDocx() => Cases.Get(nameof(WorkActDocx)).Render();
    [Benchmark] public byte[] TimeSheet60x30Pdf() => Cases.Get(nameof(TimeSheet60x30Pdf)).Render();
    [Benchmark] public byte[] TimeSheet60x30Docx() => Cases.Get(nameof(TimeSheet60x30Docx)).Render();
}

/// <summary>The size in bytes of one output of the benchmark's case (rendered once in the host process).</summary>
internal sealed class OutputSizeColumn : IColumn
{
    private static readonly Dictionary<string, int> SizeCache = new();

    public string Id => nameof(OutputSizeColumn);
    public string ColumnName => "Output";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "Size of one rendered document";
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var name = benchmarkCase.Descriptor.WorkloadMethod.Name;
        lock (SizeCache)
        {
            if (!SizeCache.TryGetValue(name, out var size))
                SizeCache[name] = size = Cases.Get(name).Render().Length;
            return $"{size / 1024.0:0.0} KB";
        }
    }
}
