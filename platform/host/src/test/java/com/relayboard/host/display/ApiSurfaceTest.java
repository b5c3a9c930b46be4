package com.relayboard.host.display;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.Test;

/**
 * Firmware compiled against the host must compile against MicroEJ too: the ej.* classes expose exactly the MicroEJ
 * members this subset implements, nothing more, and no host type.
 */
public class ApiSurfaceTest {

    private static void assertSurface(Class<?> type, String... expected) {
        TreeSet<String> actual = new TreeSet<>();
        List<Member> members = new ArrayList<>();
        members.addAll(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.addAll(Arrays.asList(type.getDeclaredFields()));
        for (Member member : members) {
            int modifiers = member.getModifiers();
            if (member.isSynthetic() || !(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))) {
                continue;
            }
            String signature = describe(member);
            assertTrue(signature + " exposes a host type", !signature.contains("relayboard"));
            actual.add(signature);
        }
        assertEquals(type.getName(), new TreeSet<>(Arrays.asList(expected)), actual);
    }

    private static String describe(Member member) {
        String visibility = Modifier.isPublic(member.getModifiers()) ? "public " : "protected ";
        String statics = Modifier.isStatic(member.getModifiers()) ? "static " : "";
        if (member instanceof Field) {
            Field f = (Field) member;
            return visibility + statics + "final " + f.getType().getSimpleName() + " " + f.getName();
        }
        Class<?>[] parameters = member instanceof Method ? ((Method) member).getParameterTypes()
                : ((Constructor<?>) member).getParameterTypes();
        StringBuilder s = new StringBuilder(visibility).append(statics);
        if (member instanceof Method) {
            s.append(((Method) member).getReturnType().getSimpleName()).append(' ').append(member.getName());
        } else {
            s.append("<init>");
        }
        s.append('(');
        for (int i = 0; i < parameters.length; i++) {
            s.append(i == 0 ? "" : ",").append(parameters[i].getSimpleName());
        }
        return s.append(')').toString();
    }

    @Test
    public void microUi() {
        assertSurface(ej.microui.MicroUI.class, "public <init>()", "public static void start()",
                "public static void stop()", "public static boolean isStarted()",
                "public static void callSerially(Runnable)", "public static boolean isUIThread()",
                "public static boolean isUIThread(Thread)");
        assertSurface(ej.microui.event.EventHandler.class, "public boolean handleEvent(int)");
        assertSurface(ej.microui.display.Display.class, "public static Display getDisplay()",
                "public int getWidth()", "public int getHeight()", "public void requestShow(Displayable)",
                "public void requestHide(Displayable)", "public void requestRender()", "public void flush()",
                "public boolean isColor()", "public int getDisplayColor(int)");
        assertSurface(ej.microui.display.Displayable.class, "public <init>()",
                "protected void render(GraphicsContext)", "public void requestRender()", "protected void onShown()",
                "protected void onHidden()");
        assertSurface(ej.microui.display.GraphicsContext.class, "public static final int OPAQUE",
                "public static final int TRANSPARENT", "public void setColor(int)", "public int getColor()",
                "public void setClip(int,int,int,int)", "public void intersectClip(int,int,int,int)",
                "public void resetClip()", "public int getClipX()", "public int getClipY()",
                "public int getClipWidth()", "public int getClipHeight()", "public void translate(int,int)",
                "public void setTranslation(int,int)", "public void resetTranslation()",
                "public int getTranslationX()", "public int getTranslationY()", "public int getWidth()",
                "public int getHeight()", "public int readPixel(int,int)");
        assertSurface(ej.microui.display.Painter.class,
                "public static void writePixel(GraphicsContext,int,int)",
                "public static void drawLine(GraphicsContext,int,int,int,int)",
                "public static void drawHorizontalLine(GraphicsContext,int,int,int)",
                "public static void drawVerticalLine(GraphicsContext,int,int,int)",
                "public static void drawRectangle(GraphicsContext,int,int,int,int)",
                "public static void fillRectangle(GraphicsContext,int,int,int,int)",
                "public static void fillCircle(GraphicsContext,int,int,int)",
                "public static void drawCircle(GraphicsContext,int,int,int)",
                "public static void drawString(GraphicsContext,String,Font,int,int)");
        assertSurface(ej.microui.display.Font.class, "public static Font getDefaultFont()",
                "public static Font getFont(String)", "public int stringWidth(String)", "public int substringWidth(String,int,int)",
                "public int charWidth(char)", "public int getHeight()", "public int getBaselinePosition()",
                "public String getDescriptor()");
        assertSurface(ej.microui.led.Leds.class, "public static int getNumberOfLeds()",
                "public static void setLedOn(int)", "public static void setLedOff(int)",
                "public static int getLedIntensity(int)", "public static void setLedIntensity(int,int)");
        assertEquals(255, ej.microui.display.GraphicsContext.OPAQUE);
        assertEquals(0, ej.microui.display.GraphicsContext.TRANSPARENT);
    }

    @Test
    public void mwt() {
        assertSurface(ej.mwt.util.Size.class, "public <init>(int,int)", "public int getWidth()",
                "public int getHeight()", "public void setWidth(int)", "public void setHeight(int)",
                "public void setSize(int,int)");
        assertSurface(ej.mwt.Widget.class, "public static final int NO_CONSTRAINT", "public <init>()",
                "public <init>(boolean)", "protected void computeContentOptimalSize(Size)",
                "protected void renderContent(GraphicsContext,int,int)", "public boolean handleEvent(int)",
                "protected void onAttached()", "protected void onDetached()", "protected void onLaidOut()",
                "protected void onShown()", "protected void onHidden()", "public void requestRender()",
                "public void requestLayOut()", "public boolean isEnabled()", "public void setEnabled(boolean)",
                "public boolean isAttached()", "public boolean isShown()", "public Desktop getDesktop()",
                "public Container getParent()", "public int getX()", "public int getY()", "public int getWidth()",
                "public int getHeight()", "public int getAbsoluteX()", "public int getAbsoluteY()",
                "public boolean isTransparent()");
        // renderContent: MWT's Container renders its children, so container subclasses need not implement it.
        assertSurface(ej.mwt.Container.class, "public <init>()", "protected void layOutChildren(int,int)",
                "protected void computeChildOptimalSize(Widget,int,int)",
                "protected void layOutChild(Widget,int,int,int,int)", "protected void addChild(Widget)",
                "protected void removeChild(Widget)", "protected void removeAllChildren()",
                "public Widget getChild(int)", "public int getChildrenCount()",
                "protected void renderContent(GraphicsContext,int,int)");
        assertSurface(ej.mwt.Desktop.class, "public <init>()", "public void setWidget(Widget)",
                "public Widget getWidget()", "public void requestShow()", "public void requestLayOut()",
                "public boolean handleEvent(int)", "protected void onShown()", "protected void onHidden()",
                "protected void render(GraphicsContext)");
        assertEquals(0, ej.mwt.Widget.NO_CONSTRAINT);
    }

    @Test
    public void shapesOfTheTypes() {
        assertTrue(Modifier.isAbstract(ej.microui.MicroUI.class.getModifiers()));
        assertTrue(ej.microui.event.EventHandler.class.isInterface());
        assertTrue(Modifier.isAbstract(ej.microui.display.Displayable.class.getModifiers()));
        // Unchecked, as MicroEJ's examples call Font.getFont without catching or declaring anything.
        assertEquals(RuntimeException.class, ej.microui.MicroUIException.class.getSuperclass());
        assertTrue(ej.microui.event.EventHandler.class.isAssignableFrom(ej.microui.display.Displayable.class));
        assertTrue(Modifier.isAbstract(ej.mwt.Widget.class.getModifiers()));
        assertTrue(Modifier.isAbstract(ej.mwt.Container.class.getModifiers()));
        assertEquals(ej.mwt.Widget.class, ej.mwt.Container.class.getSuperclass());
        assertEquals(ej.microui.display.Displayable.class, ej.mwt.Desktop.class.getSuperclass());
        for (Class<?> type : new Class<?>[] { ej.microui.display.Display.class,
                ej.microui.display.GraphicsContext.class, ej.microui.display.Painter.class,
                ej.microui.display.Font.class, ej.microui.led.Leds.class, ej.mwt.Desktop.class,
                ej.mwt.util.Size.class }) {
            assertTrue(type.getName(), !Modifier.isAbstract(type.getModifiers()) && !type.isInterface());
            assertEquals(type.getName(), Object.class,
                    type == ej.mwt.Desktop.class ? Object.class : type.getSuperclass());
            assertEquals(type.getName(), 0, type.getInterfaces().length);
        }
    }
}
