package com.relayboard.host.display;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import ej.microui.MicroUI;
import ej.mwt.Desktop;

/**
 * A widget's requestRender redraws and flushes only that widget's rectangle, which is what keeps an LCD update cheap
 * on the board; a layout request redraws everything.
 */
public class WidgetPartialRenderTest {

    private static final int SCREEN_BACKGROUND = 0x000000;
    private static final int TEXT = 0xFFFFFF;
    private static final int ROW_BACKGROUND = 0x203040;

    private final List<int[]> flushes = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean listenerOffUiThread;
    private final FlushListener recorder = (x, y, width, height) -> {
        if (!MicroUI.isUIThread()) {
            this.listenerOffUiThread = true;
        }
        this.flushes.add(new int[] { x, y, width, height });
    };

    private Column column;
    private TextWidget topic1;
    private TextWidget topic2;
    private TextWidget topic3;

    @Before
    public void showDesktop() {
        MicroUI.start();
        this.column = new Column(SCREEN_BACKGROUND);
        this.topic1 = new TextWidget("/test/topic1: waiting", TEXT, ROW_BACKGROUND);
        this.topic2 = new TextWidget("/test/topic2: waiting", TEXT, ROW_BACKGROUND);
        this.topic3 = new TextWidget("/test/topic3: waiting", TEXT, ROW_BACKGROUND);
        this.column.add(this.topic1);
        this.column.add(this.topic2);
        this.column.add(this.topic3);
        Desktop desktop = new Desktop();
        desktop.setWidget(this.column);
        desktop.requestShow();
        Screens.awaitIdle();
        HostDisplay.get().addFlushListener(this.recorder);
    }

    @After
    public void removeListener() {
        HostDisplay.get().removeFlushListener(this.recorder);
    }

    @Test
    public void requestRenderFlushesOnlyTheWidgetRectangle() {
        HostDisplay lcd = HostDisplay.get();
        BufferedImage before = lcd.snapshot();
        long flushesBefore = lcd.flushCount();
        long pixelsBefore = lcd.pixelsFlushed();

        this.topic2.setText("/test/topic2: 21.5 C");
        MicroUI.callSerially(this.topic2::requestRender); // MWT: widgets are touched on the UI thread
        Screens.awaitIdle();

        int x = this.topic2.getAbsoluteX();
        int y = this.topic2.getAbsoluteY();
        int width = this.topic2.getWidth();
        int height = this.topic2.getHeight();
        assertEquals(1, lcd.flushCount() - flushesBefore);
        assertEquals((long) width * height, lcd.pixelsFlushed() - pixelsBefore);
        assertEquals(1, this.flushes.size());
        assertArrayEquals(new int[] { x, y, width, height }, this.flushes.get(0));
        assertFalse("flush listeners run on the UI thread", this.listenerOffUiThread);

        BufferedImage after = lcd.snapshot();
        Screens.assertUnchangedOutside(before, after, x, y, width, height);
        Screens.assertRegion(HostDisplay.renderText(this.topic2.text(), TEXT, ROW_BACKGROUND), after, x, y);
    }

    @Test
    public void partialRenderRedrawsWhatLiesUnderTheWidget() {
        // A label without background: only the render of what lies under it (the column) can erase its old text.
        TextWidget bare = new TextWidget("/test/topic9: a long message", TEXT, TextWidget.NO_BACKGROUND);
        MicroUI.callSerially(() -> {
            this.column.add(bare);
            this.column.requestLayOut();
        });
        Screens.awaitIdle();
        BufferedImage before = HostDisplay.get().snapshot();
        int x = bare.getAbsoluteX();
        int y = bare.getAbsoluteY();
        Screens.assertRegion(HostDisplay.renderText(bare.text(), TEXT, SCREEN_BACKGROUND), before, x, y);

        bare.setText("short");
        MicroUI.callSerially(bare::requestRender);
        Screens.awaitIdle();

        BufferedImage after = HostDisplay.get().snapshot();
        BufferedImage expected = HostDisplay.renderText("short", TEXT, SCREEN_BACKGROUND);
        Screens.assertRegion(expected, after, x, y);
        int rest = bare.getWidth() - expected.getWidth();
        assertEquals("old text erased", 0, Screens.count(after, TEXT, x + expected.getWidth(), y, rest,
                bare.getHeight()));
        Screens.assertUnchangedOutside(before, after, x, y, bare.getWidth(), bare.getHeight());
    }

    @Test
    public void requestLayOutRendersAndFlushesTheWholeDisplay() {
        HostDisplay lcd = HostDisplay.get();
        long flushesBefore = lcd.flushCount();
        long pixelsBefore = lcd.pixelsFlushed();
        TextWidget added = new TextWidget("/test/topic4: new", TEXT, ROW_BACKGROUND);
        MicroUI.callSerially(() -> {
            this.column.add(added);
            this.column.requestLayOut();
        });
        Screens.awaitIdle();

        assertEquals(1, lcd.flushCount() - flushesBefore);
        assertEquals(320L * 240L, lcd.pixelsFlushed() - pixelsBefore);
        assertTrue(added.isShown());
        assertTrue(added.events().contains("shown"));
        assertEquals(this.topic3.getY() + this.topic3.getHeight() + Column.MARGIN_PX, added.getY());
        Screens.assertRegion(HostDisplay.renderText(added.text(), TEXT, ROW_BACKGROUND), lcd.snapshot(),
                added.getAbsoluteX(), added.getAbsoluteY());
    }

    @Test
    public void widgetsThatAreNotShownDoNotRender() {
        HostDisplay lcd = HostDisplay.get();
        long flushesBefore = lcd.flushCount();
        TextWidget orphan = new TextWidget("never shown", TEXT, ROW_BACKGROUND);
        orphan.requestRender();
        orphan.requestLayOut();
        Screens.awaitIdle();
        assertEquals(0, lcd.flushCount() - flushesBefore);

        MicroUI.callSerially(() -> this.column.remove(this.topic3));
        Screens.awaitIdle();
        assertFalse(this.topic3.isShown());
        assertFalse(this.topic3.isAttached());
        assertTrue(this.topic3.events().contains("hidden"));
        assertTrue(this.topic3.events().contains("detached"));
        this.topic3.requestRender();
        Screens.awaitIdle();
        assertEquals(0, lcd.flushCount() - flushesBefore);
    }
}
