import LessonEngine
print("lessons")
