/// The lesson engine.
public enum LessonEngine {}
