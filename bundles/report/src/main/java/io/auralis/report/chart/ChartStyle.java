package io.auralis.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/** The look shared by every chart of a report: white plots, light grid, readable type. */
final class ChartStyle {
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color INK = new Color(0x33, 0x33, 0x33);
    static final Color LOUDNESS = new Color(0x37, 0x47, 0x4F);
    static final Color PITCH = new Color(0x00, 0x69, 0x7C);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final BasicStroke HAIRLINE = new BasicStroke(1f);
    static final BasicStroke LINE = new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private ChartStyle() {
    }

    static void chart(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 4, 4, 12));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
            chart.getTitle().setPaint(INK);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(LABELS);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
    }

    static void plot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.8f));
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    static void plot(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.8f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    static void axis(Axis axis) {
        axis.setTickLabelFont(TICKS);
        axis.setLabelFont(LABELS);
        axis.setTickLabelPaint(INK);
        axis.setLabelPaint(INK);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
    }
}
