v = f'''abc'''
