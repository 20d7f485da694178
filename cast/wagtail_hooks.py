from wagtail import hooks


@hooks.register("register_demo_content", order=10)
def demo_cast(**context):
    """`manage.py load_demo`: the People and Shows indexes, Heartstopper and its cast."""
    from cast import demo

    return demo.build(**context)
